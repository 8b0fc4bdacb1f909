import type { z } from "zod";
import { db, type PrismaClient } from "../db/client";
import { readReplica } from "../db/read-replica";
import type { Contact } from "../generated/prisma/client";
import { saveContact } from "../contacts/save-contact";
import type { ContactFields } from "../contacts/record-schemas";
import { NotFoundError } from "../tenancy/tenant";
import type { ApiCaller } from "./api-keys";
import type { contactsQuery } from "./schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;

function contactResource(contact: Contact) {
  return {
    id: contact.id,
    email: contact.email,
    externalId: contact.externalId,
    name: contact.name,
    phone: contact.phone,
    locale: contact.locale,
    segment: contact.segment,
    attributes: contact.attributes as Record<string, string>,
    lastPurchaseAt: iso(contact.lastPurchaseAt),
    unsubscribedAt: iso(contact.unsubscribedAt),
    suppressedAt: iso(contact.suppressedAt),
    suppressionReason: contact.suppressionReason,
    erasedAt: iso(contact.erasedAt),
    createdAt: contact.createdAt.toISOString(),
  };
}

/**
 * GET /api/v1/contacts: by email or externalId, or all of them a page at a time (cursor = last id). From the replica,
 * but a contact looked up by key and not there yet may be the one the caller created a moment ago: asked again of
 * the primary rather than answered empty.
 */
export async function listContactsForApi(caller: ApiCaller, query: z.infer<typeof contactsQuery>) {
  const find = (reader: PrismaClient) => reader.contact.findMany({
    where: {
      organizationId: caller.organizationId,
      ...(query.email ? { email: query.email } : {}),
      ...(query.externalId ? { externalId: query.externalId } : {}),
      ...(query.cursor ? { id: { gt: query.cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  let rows = await find(readReplica());
  if (rows.length === 0 && (query.email || query.externalId)) rows = await find(db);
  const pageRows = rows.slice(0, query.limit);
  return {
    data: pageRows.map(contactResource),
    nextCursor: rows.length > query.limit ? pageRows[pageRows.length - 1]!.id : null,
  };
}

/**
 * One contact with its latest survey sends and their status (queued, sent, failed with reason, bounced …). From the
 * replica; one not there yet is asked of the primary before the answer is 404 (the caller may have just created it).
 */
export async function getContactForApi(caller: ApiCaller, contactId: string) {
  const find = (reader: PrismaClient) =>
    reader.contact.findFirst({
      where: { id: contactId, organizationId: caller.organizationId },
      include: { surveySends: { orderBy: { createdAt: "desc" }, take: 20 } },
    });
  const contact = (await find(readReplica())) ?? (await find(db));
  if (!contact) throw new NotFoundError("Contact");
  return {
    ...contactResource(contact),
    surveys: contact.surveySends.map((send) => ({
      id: send.id,
      status: send.status,
      reason: send.statusReason,
      sentAt: send.status === "sent" ? send.sentAt.toISOString() : null,
    })),
  };
}

export async function createContactForApi(caller: ApiCaller, fields: ContactFields) {
  const { contact, created } = await saveContact(db, caller, fields);
  return { created, contact: contactResource(contact) };
}

/** PATCH: changes the given fields of the contact with this id (its email and externalId included). */
export async function updateContactForApi(caller: ApiCaller, contactId: string, fields: ContactFields) {
  const contact = await db.contact.findFirst({ where: { id: contactId, organizationId: caller.organizationId }, select: { id: true } });
  if (!contact) throw new NotFoundError("Contact");
  const { contact: updated } = await saveContact(db, caller, fields, { contactId: contact.id });
  return contactResource(updated);
}

export { contactResource };
