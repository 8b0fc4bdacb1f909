import * as oidc from "openid-client";
import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../logging/logger";
import type { SsoConnection } from "../generated/prisma/client";
import { admitProviderPerson } from "./sso-admission";
import { SIGN_IN_MINUTES, SsoSignInError } from "./sso-failure";
import { openSecret } from "./secret-box";

export const SSO_CALLBACK_PATH = "/signin/sso/callback";
const PROVIDER_TIMEOUT_SECONDS = 10;

type Connection = Pick<SsoConnection, "organizationId" | "issuer" | "clientId" | "clientSecret">;

// Providers are reached over https; plain http only on this machine's loopback (a provider beside the app, tests).
const isLoopback = (url: URL) => url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

async function discover(connection: Connection): Promise<oidc.Configuration> {
  const { clientId, clientSecret } = connection;
  if (!clientId || !clientSecret) throw new SsoSignInError("not_configured");
  const issuer = new URL(connection.issuer);
  try {
    return await oidc.discovery(issuer, clientId, openSecret(clientSecret), undefined, {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
    });
  } catch (error) {
    logger().warn({ err: error, issuer: connection.issuer }, "single sign-on: provider discovery failed");
    throw new SsoSignInError("unavailable", (error as Error).message);
  }
}

const callbackUrl = () => new URL(SSO_CALLBACK_PATH, env().APP_URL);

/**
 * The first leg: the provider's authorization URL for this address, with a fresh state, nonce and PKCE verifier kept
 * server-side (SsoSignIn) until the callback. The returned state goes into the browser's cookie: the callback
 * must come back in the same browser.
 */
export async function beginOidcSignIn(connection: Connection, email: string, now = new Date()): Promise<{ url: string; state: string }> {
  const config = await discover(connection);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await db.ssoSignIn.create({
    data: { state, nonce, codeVerifier, organizationId: connection.organizationId, expires: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000) },
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl().href,
    scope: "openid email profile groups",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    login_hint: email,
  });
  return { url: url.href, state };
}

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * The second leg: checks the provider's answer (state against the cookie's, the ID token's nonce, PKCE, signature,
 * issuer, audience: openid-client does), then admits the person (sso-admission.ts). Each SsoSignIn is used once.
 */
export async function completeOidcSignIn(input: { state: string | null; search: string; userAgent: string | null }, now = new Date()) {
  if (!input.state) throw new SsoSignInError("expired", "no state cookie");
  const attempt = await db.ssoSignIn.findUnique({ where: { state: input.state } });
  const { count } = await db.ssoSignIn.deleteMany({ where: { state: input.state } });
  if (!attempt || count === 0 || attempt.expires < now) throw new SsoSignInError("expired");
  const tenant = { organizationId: attempt.organizationId };
  const connection = await db.ssoConnection.findUnique({ where: tenant });
  if (connection?.protocol !== "oidc") throw new SsoSignInError("not_configured");
  const config = await discover(connection);

  const currentUrl = new URL(`${SSO_CALLBACK_PATH}${input.search}`, env().APP_URL);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    logger().warn({ err: error, organizationId: tenant.organizationId }, "single sign-on: the provider's answer was refused");
    throw new SsoSignInError(error instanceof TypeError ? "unavailable" : "refused", (error as Error).message);
  }
  const idToken = tokens.claims()!;
  const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub).catch(() => ({}) as Record<string, unknown>);
  const claims = { ...userInfo, ...idToken } as Record<string, unknown>;
  const email = typeof claims.email === "string" ? claims.email : null;
  if (!email || claims.email_verified === false) throw new SsoSignInError("refused", "no verified email");
  const groups = [...stringsOf(claims.groups), ...stringsOf(claims.roles)];
  const name = typeof claims.name === "string" ? claims.name : null;
  return admitProviderPerson(tenant, { email, name, groups }, "oidc", input.userAgent, now);
}
