import { beginOidcSignIn } from "./oidc-sign-in";
import { beginSamlSignIn } from "./saml-sign-in";
import { findSsoConnectionForEmail } from "./sso-connections";
import { SsoSignInError } from "./sso-failure";

/**
 * Where an address of a claimed domain goes to sign in: its company's provider, by the protocol the company chose.
 * `state` goes into the browser's cookie; an OpenID Connect provider sends the browser back with a redirect, a SAML
 * provider with a form it posts from its own site (which decides the cookie's SameSite).
 */
export async function beginSsoSignIn(email: string, now = new Date()) {
  const connection = await findSsoConnectionForEmail(email);
  if (!connection) throw new SsoSignInError("not_configured");
  if (connection.protocol === "saml") return { ...(await beginSamlSignIn(connection, now)), returnsBy: "post" as const };
  return { ...(await beginOidcSignIn(connection, email, now)), returnsBy: "redirect" as const };
}
