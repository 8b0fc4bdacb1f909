import { signInEmailSchema } from "@/lib/identity/schemas";
import { ssoSignInPathFor } from "@/lib/identity/sso-connections";

export const dynamic = "force-dynamic";

/** The sign-in form asks where an address goes: its company's provider ({ path }) or an email link ({ path: null }). */
export async function GET(request: Request) {
  const email = signInEmailSchema.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  const path = email.success ? await ssoSignInPathFor(email.data) : null;
  return Response.json({ path }, { headers: { "cache-control": "no-store" } });
}
