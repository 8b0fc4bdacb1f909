import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";

/** Contacts whose email, name or externalId contains `query`, each with their latest survey sends and status. */
export async function searchContacts(tenant: Tenant, query: string, limit = 25) {
  const text = query.trim();
  return db.contact.findMany({
    where: {
      organizationId: tenant.organizationId,
      ...(text
        ? {
            OR: [
              { email: { contains: text, mode: "insensitive" } },
              { name: { contains: text, mode: "insensitive" } },
              { externalId: { equals: text } },
            ],
          }
        : {}),
    },
    include: {
      surveySends: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, status: true, statusReason: true, createdAt: true, sentAt: true, store: { select: { name: true } } },
      },
    },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}
