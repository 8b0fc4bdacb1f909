import { logger } from "../logging/logger";
import { SsoSignInError, type SsoFailure } from "./sso-failure";

// The sign-in's state travels in this cookie between the two legs, only to the /signin/sso routes.
export const SSO_STATE_COOKIE = "nps-sso-state";

export function redirectTo(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

// A SAML provider posts its answer from its own site: only a SameSite=None cookie goes along with that, and browsers
// take one only when Secure (which http://localhost counts as).
export const stateCookie = (state: string, maxAgeSeconds: number, returnsBy: "redirect" | "post" = "redirect") =>
  `${SSO_STATE_COOKIE}=${state}; Path=/signin/sso; Max-Age=${maxAgeSeconds}; HttpOnly; ${returnsBy === "post" ? "SameSite=None; Secure" : "SameSite=Lax"}`;

export function stateFrom(request: Request): string | null {
  const match = request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${SSO_STATE_COOKIE}=([A-Za-z0-9_-]+)`));
  return match?.[1] ?? null;
}

/** A failed sign-in ends on a page that says why, never on a 500; the log says which check failed, for IT. */
export function failurePage(error: unknown): Response {
  if (!(error instanceof SsoSignInError)) throw error;
  const reason: SsoFailure = error.reason;
  logger().info({ reason, detail: error.message }, "single sign-on: sign-in failed");
  return redirectTo(`/signin/sso/failed?reason=${reason}`, [stateCookie("", 0)]);
}
