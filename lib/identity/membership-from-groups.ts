import { recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import type { Role } from "../generated/prisma/enums";
import type { Tenant } from "../tenancy/tenant";

export type Access = { role: Role; storeIds: string[] };

const RANK: Record<Role, number> = { store_manager: 0, cx_manager: 1, admin: 2 };

/**
 * The access a person's provider groups give through the tenant's mapping: the highest mapped role; a store manager
 * manages every store their groups name. No mapped group: no access (null).
 */
export async function accessFromGroups(tenant: Tenant, groups: readonly string[], client: Prisma.TransactionClient = db): Promise<Access | null> {
  if (groups.length === 0) return null;
  const mappings = await client.ssoGroupMapping.findMany({
    where: { organizationId: tenant.organizationId, group: { in: [...groups] } },
    select: { role: true, storeId: true },
  });
  if (mappings.length === 0) return null;
  const role = mappings.reduce<Role>((best, m) => (RANK[m.role] > RANK[best] ? m.role : best), "store_manager");
  const storeIds = role === "store_manager" ? [...new Set(mappings.map((m) => m.storeId).filter((id): id is string => Boolean(id)))].sort() : [];
  return { role, storeIds };
}

/**
 * Makes the person's membership match what the provider says: created, changed, or (null) removed together with
 * every session they hold, so they are out at once. Writes the audit entry only when something changed.
 */
export async function applyAccess(tenant: Tenant, userId: string, access: Access | null, via: "oidc" | "saml" | "scim", tx: Prisma.TransactionClient) {
  const where = { organizationId: tenant.organizationId, userId };
  const membership = await tx.membership.findFirst({ where, include: { stores: { select: { storeId: true } } } });
  if (!access) {
    if (!membership) return;
    await tx.membership.deleteMany({ where: { id: membership.id, organizationId: tenant.organizationId } });
    await endSessionsOfUser(tenant, userId, tx);
    await recordAuditEvent(tenant, { action: "member_access_revoked", subject: userId, detail: { via, role: membership.role } }, tx);
    return;
  }
  const currentStores = membership?.stores.map((s) => s.storeId).sort() ?? [];
  if (membership && membership.role === access.role && currentStores.join() === access.storeIds.join()) return;
  const stores = { create: access.storeIds.map((storeId) => ({ storeId, organizationId: tenant.organizationId })) };
  if (membership) {
    await tx.membershipStore.deleteMany({ where: { membershipId: membership.id, organizationId: tenant.organizationId } });
    await tx.membership.update({ where: { id: membership.id, organizationId: tenant.organizationId }, data: { role: access.role, stores } });
  } else {
    await tx.membership.create({ data: { ...where, role: access.role, stores } });
  }
  await recordAuditEvent(
    tenant,
    { action: "member_access_granted", subject: userId, detail: { via, from: membership?.role ?? null, role: access.role, storeIds: access.storeIds } },
    tx,
  );
}

/** Every session of a person who lost access: the next request of each is signed out. */
async function endSessionsOfUser(tenant: Tenant, userId: string, tx: Prisma.TransactionClient) {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  if (count > 0) await recordAuditEvent(tenant, { action: "session_ended", subject: userId, detail: { sessions: count, reason: "access_revoked" } }, tx);
}
