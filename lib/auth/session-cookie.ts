import { env } from "../env";

/** next-auth's own session cookie (its name depends on https), so a session opened elsewhere reads like its own. */
export function sessionCookie(sessionToken: string, expires: Date): string {
  const secure = env().APP_URL.startsWith("https://");
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  return `${name}=${sessionToken}; Path=/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
