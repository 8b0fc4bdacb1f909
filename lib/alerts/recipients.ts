import { db } from "../db";
import type { Tenant } from "../tenancy/tenant";

export type Recipient = { membershipId: string; userId: string; email: string; name: string | null };

const withUser = { user: { select: { id: true, email: true, name: true } } } as const;

function toRecipients(memberships: { id: string; user: { id: string; email: string; name: string | null } }[]): Recipient[] {
  return memberships.map((m) => ({ membershipId: m.id, userId: m.user.id, email: m.user.email, name: m.user.name }));
}

/** The CX managers (or, in a tenant without one, its admins): HQ, who see to what nobody else owns. */
export async function headquarters(tenant: Tenant): Promise<Recipient[]> {
  for (const role of ["cx_manager", "admin"] as const) {
    const found = await db.membership.findMany({ where: { organizationId: tenant.organizationId, role }, include: withUser, orderBy: { createdAt: "asc" } });
    if (found.length > 0) return toRecipients(found);
  }
  return [];
}

/**
 * Who is alerted about a response: the managers of its store; for online responses (no store) the tenant's
 * customer-service team. Nobody owns it (a store without a manager, no team yet): HQ.
 */
export async function alertRecipients(tenant: Tenant, storeId: string | null): Promise<Recipient[]> {
  const owners = await db.membership.findMany({
    where: {
      organizationId: tenant.organizationId,
      ...(storeId ? { role: "store_manager", stores: { some: { storeId } } } : { customerService: true }),
    },
    include: withUser,
    orderBy: { createdAt: "asc" },
  });
  return owners.length > 0 ? toRecipients(owners) : headquarters(tenant);
}

/** Who hears of an overdue follow-up: the manager of its store's region, else HQ. */
export async function escalationRecipients(tenant: Tenant, storeId: string | null): Promise<Recipient[]> {
  const store = storeId
    ? await db.store.findFirst({
        where: { id: storeId, organizationId: tenant.organizationId },
        select: { region: { select: { manager: { include: withUser } } } },
      })
    : null;
  const regionManager = store?.region?.manager;
  return regionManager ? toRecipients([regionManager]) : headquarters(tenant);
}
