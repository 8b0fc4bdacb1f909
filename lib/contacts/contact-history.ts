import { db } from "../db/client";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

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

/**
 * One contact's page: who they are, their consent and suppression state, and every survey email with its answer
 * and follow-up, newest first. Contacts are for CX managers and admins, who see every store.
 */
export async function getContactRecord(tenant: Tenant, contactId: string) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, organizationId: tenant.organizationId },
    include: {
      store: { select: { name: true } },
      surveySends: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          status: true,
          statusReason: true,
          createdAt: true,
          sentAt: true,
          survey: { select: { name: true } },
          store: { select: { name: true } },
          response: {
            select: {
              score: true,
              category: true,
              comment: true,
              respondedAt: true,
              followUp: { select: { id: true, status: true, outcome: true, dueAt: true, closedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!contact) throw new NotFoundError("Contact");
  return contact;
}

export type ContactRecord = Awaited<ReturnType<typeof getContactRecord>>;
