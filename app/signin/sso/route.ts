import { beginSsoSignIn } from "@/lib/identity/oidc-sign-in";
import { signInEmailSchema } from "@/lib/identity/schemas";
import { failurePage, redirectTo, stateCookie } from "@/lib/identity/sso-http";

export const dynamic = "force-dynamic";

/** The sign-in form sends an address of a claimed domain here: on to its company's provider. */
export async function GET(request: Request) {
  const email = signInEmailSchema.safeParse(new URL(request.url).searchParams.get("email") ?? "");
  if (!email.success) return redirectTo("/signin");
  try {
    const { url, state } = await beginSsoSignIn(email.data);
    return redirectTo(url, [stateCookie(state, 600)]);
  } catch (error) {
    return failurePage(error);
  }
}
