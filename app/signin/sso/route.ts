import { signInEmailSchema } from "@/lib/identity/schemas";
import { SIGN_IN_MINUTES } from "@/lib/identity/sso-failure";
import { failurePage, redirectTo, stateCookie } from "@/lib/identity/sso-http";
import { beginSsoSignIn } from "@/lib/identity/sso-sign-in";

export const dynamic = "force-dynamic";

/** The sign-in form sends an address of a claimed domain here: on to its company's provider. */
export async function GET(request: Request) {
  const email = signInEmailSchema.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  if (!email.success) return redirectTo("/signin");
  try {
    const { url, state, returnsBy } = await beginSsoSignIn(email.data);
    return redirectTo(url, [stateCookie(state, SIGN_IN_MINUTES * 60, returnsBy)]);
  } catch (error) {
    return failurePage(error);
  }
}
