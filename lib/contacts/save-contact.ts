import { db, type Prisma } from "../db/client";
import type { Contact } from "../generated/prisma/client";
import { InputError, isUniqueViolation } from "../forms/input-error";
import type { Tenant } from "../tenancy/tenant";
import type { ContactFields } from "./record-schemas";

type Client = Prisma.TransactionClient | typeof db;

export type SavedContact = { contact: Contact; created: boolean };

/**
 * Creates or updates a contact from the tenant's data (API, import, campaign). The externalId names the contact
 * first, then the email: a record that matches an existing contact by either is merged into it, never
 * duplicated. Attributes are merged key by key; a new address lifts a suppression that belonged to the old one.
 */
export async function saveContact(client: Client, tenant: Tenant, fields: ContactFields, options: SaveOptions = {}): Promise<SavedContact> {
  try {
    return await writeContact(client, tenant, fields, options);
  } catch (error) {
    // Two calls creating the same new contact at once: the loser finds the winner's row and updates it.
    if (!isUniqueViolation(error) || client !== db) throw error;
    return writeContact(client, tenant, fields, options);
  }
}

type SaveOptions = {
  /** The contact's usual store (a store purchase), checked by the caller. */
  storeId?: string | null;
  /** Update exactly this contact (PATCH by id) instead of finding it by externalId or email. */
  contactId?: string;
};

async function writeContact(client: Client, tenant: Tenant, fields: ContactFields, { storeId, contactId }: SaveOptions): Promise<SavedContact> {
  const existing = contactId
    ? await client.contact.findFirst({ where: { id: contactId, organizationId: tenant.organizationId } })
    : await findByIdentity(client, tenant, fields);
  if (existing?.erasedAt) throw new InputError({ email: "This contact was erased and cannot be used again" });
  if (!existing && !fields.email) throw new InputError({ email: "A new contact needs an email address" });
  const changes = {
    ...(fields.externalId !== undefined ? { externalId: fields.externalId } : {}),
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
    ...(fields.locale !== undefined ? { locale: fields.locale } : {}),
    ...(fields.segment !== undefined ? { segment: fields.segment } : {}),
    ...(fields.lastPurchaseAt !== undefined ? { lastPurchaseAt: fields.lastPurchaseAt ? new Date(fields.lastPurchaseAt) : null } : {}),
    ...(storeId ? { storeId } : {}),
  };
  if (!existing) {
    const contact = await client.contact.create({
      data: { organizationId: tenant.organizationId, email: fields.email!, attributes: fields.attributes ?? {}, ...changes },
    });
    return { contact, created: true };
  }
  const newAddress = fields.email !== undefined && fields.email !== existing.email;
  if (newAddress && (await findBy(client, tenant, { email: fields.email! }))) {
    throw new InputError({ email: "Another contact has this email address" });
  }
  const newExternalId = fields.externalId !== undefined && fields.externalId !== existing.externalId;
  if (newExternalId && (await findBy(client, tenant, { externalId: fields.externalId! }))) {
    throw new InputError({ externalId: "Another contact has this externalId" });
  }
  const contact = await client.contact.update({
    where: { id: existing.id, organizationId: tenant.organizationId },
    data: {
      ...changes,
      ...(newAddress ? { email: fields.email, suppressedAt: null, suppressionReason: null } : {}),
      ...(fields.attributes ? { attributes: { ...(existing.attributes as Record<string, string>), ...fields.attributes } } : {}),
    },
  });
  return { contact, created: false };
}

async function findByIdentity(client: Client, tenant: Tenant, fields: ContactFields) {
  if (fields.externalId) {
    const byExternalId = await findBy(client, tenant, { externalId: fields.externalId });
    if (byExternalId) return byExternalId;
  }
  if (!fields.email) return null;
  const byEmail = await findBy(client, tenant, { email: fields.email });
  // An email that already belongs to a contact with another externalId is a different customer sharing an inbox
  // in the tenant's system: refuse rather than merge two customers.
  if (byEmail && fields.externalId && byEmail.externalId && byEmail.externalId !== fields.externalId) {
    throw new InputError({ externalId: "This email belongs to a contact with another externalId" });
  }
  return byEmail;
}

function findBy(client: Client, tenant: Tenant, where: { email: string } | { externalId: string }) {
  return client.contact.findFirst({ where: { organizationId: tenant.organizationId, ...where } });
}
