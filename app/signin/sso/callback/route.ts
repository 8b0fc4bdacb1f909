import { sessionCookie } from "@/lib/auth/session-cookie";
import { completeOidcSignIn } from "@/lib/identity/oidc-sign-in";
import { failurePage, redirectTo, stateCookie, stateFrom } from "@/lib/identity/sso-http";

export const dynamic = "force-dynamic";

/** The provider sends the browser back here with a code: checked, then signed in like any other session. */
export async function GET(request: Request) {
  try {
    const session = await completeOidcSignIn({
      state: stateFrom(request),
      search: new URL(request.url).search,
      userAgent: request.headers.get("user-agent"),
    });
    return redirectTo("/dashboard", [sessionCookie(session.sessionToken, session.expires), stateCookie("", 0)]);
  } catch (error) {
    return failurePage(error);
  }
}
