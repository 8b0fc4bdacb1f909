import { sessionCookie } from "@/lib/auth/session-cookie";
import { completeSamlSignIn } from "@/lib/identity/saml-sign-in";
import { failurePage, redirectTo, stateCookie, stateFrom } from "@/lib/identity/sso-http";

export const dynamic = "force-dynamic";

/** The tenant's Assertion Consumer Service: its SAML provider posts the answer here, checked, then signed in. */
export async function POST(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  try {
    const form = await request.formData().catch(() => null);
    const samlResponse = form?.get("SAMLResponse");
    const session = await completeSamlSignIn(
      { organizationId: (await params).tenant },
      { samlResponse: typeof samlResponse === "string" ? samlResponse : null, requestId: stateFrom(request), userAgent: request.headers.get("user-agent") },
    );
    return redirectTo("/dashboard", [sessionCookie(session.sessionToken, session.expires), stateCookie("", 0, "post")]);
  } catch (error) {
    return failurePage(error);
  }
}
