import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";
import { accessFromGroups, applyAccess } from "./membership-from-groups";
import { createSession } from "./sessions";
import { domainOf } from "./sso-connections";
import { SsoSignInError } from "./sso-failure";

/** Who the tenant's provider says is signing in, once its answer passed the protocol's checks. */
export type ProviderPerson = { email: string; name: string | null; groups: string[] };

/**
 * The end of every sign-in through a provider, OpenID Connect or SAML: admits the person by the tenant's group
 * mapping, audits the sign-in and opens a database session like next-auth's.
 */
export async function admitProviderPerson(
  tenant: Tenant,
  person: ProviderPerson,
  method: "oidc" | "saml",
  userAgent: string | null,
  now = new Date(),
) {
  const email = person.email.toLowerCase();
  // The provider speaks only for the domains its tenant claimed: never for another company's addresses.
  const claim = await db.ssoDomain.findUnique({ where: { domain: domainOf(email) } });
  if (claim?.organizationId !== tenant.organizationId) throw new SsoSignInError("domain_not_claimed", email);

  const groups = [...new Set(person.groups)];
  const name = person.name?.slice(0, 120) ?? null;
  const { userId, admitted } = await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({ where: { email }, create: { email, name, emailVerified: now }, update: {} });
    const access = await accessFromGroups(tenant, groups, tx);
    // No mapped group: no session. A membership made by hand stays (SCIM, not a failed sign-in, takes people out).
    if (!access) return { userId: user.id, admitted: false };
    await applyAccess(tenant, user.id, access, method, tx);
    await recordAuditEvent({ ...tenant, userId: user.id }, { action: "sign_in", detail: { method, groups } }, tx);
    return { userId: user.id, admitted: true };
  });
  if (!admitted) throw new SsoSignInError("no_access", email);
  return createSession(userId, method, userAgent, now);
}
