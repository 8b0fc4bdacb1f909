import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";

/** The people a follow-up can be given to: HQ (CX managers, admins) and the managers of its store. */
export async function listAssignees(tenant: Tenant, storeId: string | null) {
  const memberships = await db.membership.findMany({
    where: {
      organizationId: tenant.organizationId,
      OR: [{ role: { in: ["cx_manager", "admin"] } }, ...(storeId ? [{ stores: { some: { storeId } } }] : [])],
    },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ id: m.id, label: `${m.user.name ?? m.user.email} (${m.role.replace("_", " ")})` }));
}
