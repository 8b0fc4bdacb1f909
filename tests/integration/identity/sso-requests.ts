import { GET as ssoCallback } from "@/app/signin/sso/callback/route";
import { GET as ssoStart } from "@/app/signin/sso/route";
import { POST as samlAcs } from "@/app/signin/sso/saml/[tenant]/acs/route";
import { saveSsoConnection } from "@/lib/identity/sso-connections";
import type { Member } from "@/lib/tenancy/tenant";
import type { TestIdentityProvider } from "@/tests/support/test-identity-provider";
import type { TestSamlIdentityProvider } from "@/tests/support/test-saml-identity-provider";

// Drives the two sign-in legs over HTTP as a browser would: the app's route handlers, and the test provider's real
// authorization endpoint and login form (with its cookies).

const APP = "http://localhost:3000";
export const REDIRECT_URI = `${APP}/signin/sso/callback`;

export async function connectTenant(admin: Member, idp: TestIdentityProvider, domains: string[], extra: { ssoRequired?: boolean; breakGlassEmail?: string | null } = {}) {
  await saveSsoConnection(admin, {
    protocol: "oidc",
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains,
    ssoRequired: extra.ssoRequired ?? false,
    breakGlassEmail: extra.breakGlassEmail ?? null,
  });
}

const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** The provider's side: authorization request, login form as `account`, back to the app's callback URL. */
export async function loginAtProvider(authorizationUrl: string, account: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(REDIRECT_URI)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    });
    for (const pair of cookieOf(response)) jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      method = "GET";
      body = undefined;
    } else if (url.includes("/interaction/") && method === "GET") {
      method = "POST";
      body = new URLSearchParams({ login: account }).toString();
    } else {
      throw new Error(`The provider answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
  }
  throw new Error("Too many redirects at the provider");
}

/** The first leg: where the app sends the browser, and the state cookie it sets. */
export async function startSignIn(email: string) {
  const response = await ssoStart(new Request(`${APP}/signin/sso?${new URLSearchParams({ email })}`));
  const state = cookieOf(response).find((c) => c.startsWith("nps-sso-state="));
  return { status: response.status, location: response.headers.get("location")!, stateCookie: state ?? null };
}

const browserHeaders = (stateCookie: string | null) => ({
  ...(stateCookie ? { cookie: stateCookie } : {}),
  "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
});

/** Where the app sent the browser after the second leg, and the session it opened (if it did). */
function outcome(response: Response) {
  const session = cookieOf(response).find((c) => c.startsWith("next-auth.session-token="));
  return { location: response.headers.get("location")!, sessionToken: session?.split("=")[1] ?? null };
}

/** The second leg, as the browser returns with the provider's answer. */
export async function finishSignIn(callbackUrl: string, stateCookie: string | null) {
  return outcome(await ssoCallback(new Request(callbackUrl, { headers: browserHeaders(stateCookie) })));
}

export async function connectSamlTenant(admin: Member, idp: TestSamlIdentityProvider, domains: string[], groupAttribute = "groups") {
  await saveSsoConnection(admin, {
    protocol: "saml",
    issuer: idp.entityId,
    ssoUrl: idp.ssoUrl,
    signingCertificate: idp.certificate,
    groupAttribute,
    domains,
    ssoRequired: false,
    breakGlassEmail: null,
  });
}

/** The SAML second leg: the provider's page posts its answer to the tenant's ACS URL from the browser. */
export async function postToAcs(acsUrl: string, samlResponse: string, stateCookie: string | null) {
  const tenant = new URL(acsUrl).pathname.split("/")[4]!;
  const request = new Request(acsUrl, {
    method: "POST",
    body: new URLSearchParams({ SAMLResponse: samlResponse }),
    headers: { ...browserHeaders(stateCookie), "content-type": "application/x-www-form-urlencoded" },
  });
  return outcome(await samlAcs(request, { params: Promise.resolve({ tenant }) }));
}

/** The whole sign-in; the provider's answer may be changed on its way back (tamper). */
export async function signInThroughProvider(email: string, account: string, tamper: { authorizationUrl?: (u: URL) => void; callbackUrl?: (u: URL) => void } = {}) {
  const start = await startSignIn(email);
  if (!start.location.startsWith("http://127.0.0.1")) return { location: start.location, sessionToken: null };
  const authorizationUrl = new URL(start.location);
  tamper.authorizationUrl?.(authorizationUrl);
  const callback = new URL(await loginAtProvider(authorizationUrl.href, account));
  tamper.callbackUrl?.(callback);
  return finishSignIn(callback.href, start.stateCookie);
}
