import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

/**
 * Erasure on request (GDPR art. 17): everything that identifies the person goes, their scores stay in the figures.
 * The contact row stays as an anonymous placeholder (responses and sends point to it) with a placeholder address
 * that cannot receive mail; it is marked erased, so it is never mailed and cannot be reused. Removed: name,
 * email, phone, externalId, attributes, comments and call-back numbers on their responses, the notes staff wrote
 * about them, their outbox copies and the webhook payloads about them. Idempotent.
 */
export async function eraseContact(tenant: Tenant, contactId: string, now = new Date()) {
  const contact = await db.contact.findFirst({ where: { id: contactId, organizationId: tenant.organizationId } });
  if (!contact) throw new NotFoundError("Contact");
  const scope = { organizationId: tenant.organizationId };
  return db.$transaction(async (tx) => {
    const erased = await tx.contact.update({
      where: { id: contact.id, organizationId: tenant.organizationId },
      data: {
        email: `erased-${contact.id}@erased.invalid`,
        name: null,
        phone: null,
        externalId: null,
        attributes: {},
        referralCode: null,
        unsubscribedAt: contact.unsubscribedAt ?? now,
        erasedAt: contact.erasedAt ?? now,
      },
    });
    const responses = await tx.response.findMany({ where: { ...scope, contactId: contact.id }, select: { id: true } });
    const responseIds = responses.map((response) => response.id);
    await tx.response.updateMany({
      where: { ...scope, contactId: contact.id },
      data: { comment: null, callbackPhone: null, callbackConsent: false },
    });
    await tx.responseTheme.deleteMany({ where: { ...scope, responseId: { in: responseIds } } });
    await tx.followUpNote.deleteMany({ where: { ...scope, followUp: { responseId: { in: responseIds } } } });
    await tx.followUp.updateMany({ where: { ...scope, responseId: { in: responseIds } }, data: { resolution: null } });
    await tx.outboxMessage.deleteMany({ where: { ...scope, to: contact.email } });
    await tx.mailDelivery.updateMany({ where: { ...scope, to: contact.email }, data: { to: erased.email } });
    await tx.webhookDelivery.deleteMany({ where: { ...scope, contactId: contact.id } });
    await recordAuditEvent(tenant, { action: "contact_erased", subject: contact.id }, tx);
    return erased;
  });
}
