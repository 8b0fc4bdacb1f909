import { db } from "../db/client";
import { recordAuditEvent } from "../audit/audit-events";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { SUBJECT_ACCESS_FORMAT, SUBJECT_ACCESS_VERSION, type SubjectAccessExport } from "./subject-access-schema";
import { subjectAccessSummary } from "./subject-access-summary";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything held on one person (GDPR art. 15 and 20) in the documented, portable format of
 * subject-access-schema.ts: the contact, their consent, every survey email with its response, comment and
 * follow-up with its notes, and the same in words. Only what the format names is read, so no secret can leak
 * into it. The export itself is recorded in the audit log.
 */
export async function exportContactData(tenant: Tenant, contactId: string, now = new Date()): Promise<SubjectAccessExport> {
  const [contact, organization] = await Promise.all([
    db.contact.findFirst({
      where: { id: contactId, organizationId: tenant.organizationId },
      select: {
        id: true,
        email: true,
        name: true,
        phone: true,
        locale: true,
        externalId: true,
        segment: true,
        attributes: true,
        lastPurchaseAt: true,
        createdAt: true,
        erasedAt: true,
        unsubscribedAt: true,
        suppressedAt: true,
        suppressionReason: true,
        surveySends: {
          orderBy: { createdAt: "asc" },
          select: {
            createdAt: true,
            sentAt: true,
            status: true,
            statusReason: true,
            channel: true,
            locale: true,
            survey: { select: { name: true } },
            store: { select: { name: true } },
            response: {
              select: {
                respondedAt: true,
                score: true,
                category: true,
                comment: true,
                callbackConsent: true,
                callbackPhone: true,
                followUp: {
                  select: {
                    status: true,
                    outcome: true,
                    createdAt: true,
                    dueAt: true,
                    contactedAt: true,
                    closedAt: true,
                    resolution: true,
                    notes: { orderBy: { createdAt: "asc" }, select: { createdAt: true, body: true } },
                  },
                },
              },
            },
          },
        },
      },
    }),
    db.organization.findUniqueOrThrow({ where: { id: tenant.organizationId }, select: { name: true } }),
  ]);
  if (!contact) throw new NotFoundError("Contact");
  const data: Omit<SubjectAccessExport, "summary"> = {
    format: SUBJECT_ACCESS_FORMAT,
    version: SUBJECT_ACCESS_VERSION,
    exportedAt: iso(now),
    controller: { name: organization.name },
    person: {
      email: contact.email,
      name: contact.name,
      phone: contact.phone,
      language: contact.locale,
      externalId: contact.externalId,
      segment: contact.segment,
      attributes: (contact.attributes ?? {}) as Record<string, unknown>,
      lastPurchaseAt: isoOrNull(contact.lastPurchaseAt),
      addedAt: iso(contact.createdAt),
      erasedAt: isoOrNull(contact.erasedAt),
    },
    consent: {
      unsubscribedAt: isoOrNull(contact.unsubscribedAt),
      suppressed: contact.suppressionReason,
      suppressedAt: isoOrNull(contact.suppressedAt),
    },
    surveyEmails: contact.surveySends.map((send) => ({
      requestedAt: iso(send.createdAt),
      // sentAt is the real send time only once the engine has sent it.
      sentAt: send.status === "sent" ? iso(send.sentAt) : null,
      status: send.status,
      statusReason: send.statusReason,
      survey: send.survey.name,
      store: send.store?.name ?? null,
      channel: send.channel,
      language: send.locale,
      response: send.response && {
        respondedAt: iso(send.response.respondedAt),
        score: send.response.score,
        category: send.response.category,
        comment: send.response.comment,
        callbackConsent: send.response.callbackConsent,
        callbackPhone: send.response.callbackPhone,
        followUp: send.response.followUp && {
          status: send.response.followUp.status,
          outcome: send.response.followUp.outcome,
          openedAt: iso(send.response.followUp.createdAt),
          dueAt: iso(send.response.followUp.dueAt),
          contactedAt: isoOrNull(send.response.followUp.contactedAt),
          closedAt: isoOrNull(send.response.followUp.closedAt),
          resolution: send.response.followUp.resolution,
          notes: send.response.followUp.notes.map((note) => ({ writtenAt: iso(note.createdAt), text: note.body })),
        },
      },
    })),
  };
  await recordAuditEvent(tenant, { action: "contact_exported", subject: contact.id });
  return { ...data, summary: subjectAccessSummary(data) };
}
