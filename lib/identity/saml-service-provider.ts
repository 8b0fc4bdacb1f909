import { generateServiceProviderMetadata, SAML, ValidateInResponseTo, type CacheProvider } from "@node-saml/node-saml";
import { db } from "../db/client";
import { env } from "../env";
import type { SsoConnection } from "../generated/prisma/client";
import type { Tenant } from "../tenancy/tenant";
import { SIGN_IN_MINUTES, SsoSignInError } from "./sso-failure";

// This app as a SAML service provider, one per tenant: its own entity id and Assertion Consumer Service URL, so an
// assertion made for one company's connection is refused at every other's (audience, recipient).

export type SamlConnection = Pick<SsoConnection, "organizationId" | "issuer" | "ssoUrl" | "signingCertificate" | "groupAttribute">;

const SIGN_IN_MS = SIGN_IN_MINUTES * 60_000;
// Providers' clocks drift a little from ours; Microsoft advises allowing a few minutes.
const CLOCK_SKEW_MS = 3 * 60_000;

/** The entity id (also where its metadata is served) and the ACS URL an IT admin enters at their provider. */
export function serviceProviderOf(tenant: Tenant) {
  const base = new URL(`/signin/sso/saml/${encodeURIComponent(tenant.organizationId)}`, env().APP_URL).href;
  return { entityId: `${base}/metadata`, acsUrl: `${base}/acs` };
}

/** The tenant's service provider metadata XML, for providers that import it; null for an unknown tenant. */
export async function serviceProviderMetadata(tenant: Tenant): Promise<string | null> {
  const organization = await db.organization.findUnique({ where: { id: tenant.organizationId }, select: { id: true } });
  if (!organization) return null;
  const sp = serviceProviderOf(tenant);
  return generateServiceProviderMetadata({ issuer: sp.entityId, callbackUrl: sp.acsUrl, identifierFormat: null, wantAssertionsSigned: true });
}

/**
 * node-saml's store of the AuthnRequests we sent, in Postgres (several app processes answer, so not in memory),
 * one tenant's only. node-saml's own removal is left out: the sign-in uses a request up itself, in one statement,
 * once the answer passed every check (saml-sign-in.ts), so two posts of one answer cannot both get through.
 */
function requestsOf(tenant: Tenant, now: Date): CacheProvider {
  const oldest = new Date(now.getTime() - SIGN_IN_MS);
  return {
    async saveAsync(id, issueInstant) {
      await db.samlRequest.create({ data: { id, organizationId: tenant.organizationId, issuedAt: new Date(issueInstant) } });
      return { value: issueInstant, createdAt: now.getTime() };
    },
    async getAsync(id) {
      const request = await db.samlRequest.findFirst({ where: { id, organizationId: tenant.organizationId, issuedAt: { gte: oldest } } });
      return request?.issuedAt.toISOString() ?? null;
    },
    removeAsync: async (id) => id,
  };
}

/**
 * node-saml set up for the tenant's provider: signed assertions only (by the certificate on file), our entity id as
 * the audience, and an answer to a request we sent and still keep (InResponseTo). No NameID format and no
 * authentication context are asked for: each provider answers with what it is set up to (Entra ID refuses a sign-in
 * by passkey or MFA when a password is asked for).
 */
export function serviceProviderFor(connection: SamlConnection, options: { requestId?: string; now: Date }) {
  const { ssoUrl, signingCertificate } = connection;
  if (!ssoUrl || !signingCertificate) throw new SsoSignInError("not_configured");
  const sp = serviceProviderOf(connection);
  return new SAML({
    entryPoint: ssoUrl,
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    idpCert: signingCertificate,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SIGN_IN_MS,
    cacheProvider: requestsOf(connection, options.now),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    ...(options.requestId && { generateUniqueId: () => options.requestId! }),
  });
}
