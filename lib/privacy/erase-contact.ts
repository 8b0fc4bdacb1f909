import { recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import { cancelJobs } from "../queue/cancel-jobs";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

/**
 * Erasure on request (GDPR art. 17): everything that identifies the person goes, their scores stay in the figures.
 * The contact row stays as an anonymous placeholder (responses and sends point to it) with a placeholder address
 * that cannot receive mail; it is marked erased, so it is never mailed and cannot be reused. Removed: name,
 * email, phone, externalId, attributes, comments and call-back numbers on their responses, the notes staff wrote
 * about them, their outbox copies and the webhook payloads about them. And nothing of theirs stays actionable
 * (stopWorkOn). Idempotent.
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
    const stopped = await stopWorkOn(tx, tenant, contact.id, responseIds, now);
    await recordAuditEvent(tenant, { action: "contact_erased", subject: contact.id, detail: stopped }, tx);
    return erased;
  });
}

/**
 * Everything still to be done for or about the person, stopped: queued survey emails suppressed, their jobs and
 * campaign reminders cancelled; open follow-ups closed (no outcome, so the outcome figures are not bent; the
 * trail says why) with their alert and escalation jobs; re-surveys not sent yet removed (sent ones stay: they
 * are figures); webhook deliveries about them removed with their retries. Counts go into the audit event.
 */
async function stopWorkOn(tx: Prisma.TransactionClient, tenant: Tenant, contactId: string, responseIds: string[], now: Date) {
  const scope = { organizationId: tenant.organizationId };
  const [sends, followUps, resurveys, deliveries] = await Promise.all([
    tx.surveySend.findMany({ where: { ...scope, contactId }, select: { id: true } }),
    tx.followUp.findMany({ where: { ...scope, responseId: { in: responseIds }, status: { not: "closed" } }, select: { id: true } }),
    tx.resurvey.findMany({ where: { ...scope, responseId: { in: responseIds }, sentAt: null }, select: { id: true } }),
    tx.webhookDelivery.findMany({ where: { ...scope, contactId }, select: { id: true } }),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  const pendingSends = await tx.surveySend.updateMany({
    where: { ...scope, contactId, status: "queued" },
    data: { status: "suppressed", statusReason: "Not sent: the contact was erased" },
  });
  await tx.followUp.updateMany({
    where: { ...scope, id: { in: ids(followUps) }, status: { not: "closed" } },
    data: { status: "closed", outcome: null, closedAt: now },
  });
  await tx.followUpEvent.createMany({
    data: followUps.map((followUp) => ({ ...scope, followUpId: followUp.id, actorId: null, type: "closed" as const, detail: "contact erased", createdAt: now })),
  });
  await tx.resurvey.deleteMany({ where: { ...scope, id: { in: ids(resurveys) } } });
  await tx.webhookDelivery.deleteMany({ where: { ...scope, id: { in: ids(deliveries) } } });
  const jobs = [
    await cancelJobs(tx, "surveySend", "surveySendId", ids(sends)),
    await cancelJobs(tx, "surveyReminder", "surveySendId", ids(sends)),
    await cancelJobs(tx, "alert", "responseId", responseIds),
    await cancelJobs(tx, "escalation", "followUpId", ids(followUps)),
    await cancelJobs(tx, "resurvey", "resurveyId", ids(resurveys)),
    await cancelJobs(tx, "webhookDelivery", "deliveryId", ids(deliveries)),
  ].reduce((sum, count) => sum + count, 0);
  return {
    pendingSends: pendingSends.count,
    followUpsClosed: followUps.length,
    resurveysCancelled: resurveys.length,
    webhookDeliveriesRemoved: deliveries.length,
    jobsCancelled: jobs,
  };
}
