import { db } from "../db/client";
import { SIGN_IN_MINUTES } from "./sso-failure";

/**
 * Single sign-on state that can no longer be used, removed for every tenant at once by the worker's hourly sweep:
 * OIDC sign-ins and SAML requests nobody finished, and SAML assertions past their expiry (a replay of one is refused
 * by its own time limits by then). Each sign-in checks these times itself, so the sweep only keeps the tables small;
 * a tenant whose people stopped signing in would otherwise keep its rows for ever.
 */
export async function forgetAbandonedSignIns(now = new Date()) {
  const oldestRequest = new Date(now.getTime() - SIGN_IN_MINUTES * 60_000);
  const [oidc, samlRequests, samlAssertions] = await db.$transaction([
    db.ssoSignIn.deleteMany({ where: { expires: { lt: now } } }),
    db.samlRequest.deleteMany({ where: { issuedAt: { lt: oldestRequest } } }),
    db.samlAssertion.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  return { oidcSignIns: oidc.count, samlRequests: samlRequests.count, samlAssertions: samlAssertions.count };
}
