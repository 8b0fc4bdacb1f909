import type { Prisma } from "../../db/client";
import type { Tenant } from "../../tenancy/tenant";
import { accessFromGroups, applyAccess } from "../membership-from-groups";

/**
 * Works out again what provisioned people may do, after anything about them or their groups changed: a member
 * while active and in a mapped group, with the role and stores the mapping gives; otherwise out, sessions ended.
 */
export async function syncProvisionedAccess(tenant: Tenant, scimUserIds: readonly string[], tx: Prisma.TransactionClient) {
  if (scimUserIds.length === 0) return;
  const people = await tx.scimUser.findMany({
    where: { organizationId: tenant.organizationId, id: { in: [...scimUserIds] } },
    select: { userId: true, active: true, groups: { select: { group: { select: { displayName: true } } } } },
  });
  for (const person of people) {
    const access = person.active ? await accessFromGroups(tenant, person.groups.map((g) => g.group.displayName), tx) : null;
    await applyAccess(tenant, person.userId, access, "scim", tx);
  }
}
