import { renderEscalationEmail } from "@/emails/escalation-email";
import { db } from "../db/client";
import { env } from "../env";
import { formatter } from "../i18n/catalog";
import { recordEvent } from "../followups/events";
import { localTimeText } from "../followups/local-time";
import { isOverdue } from "../followups/overdue";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { escalationRecipients } from "./recipients";
import { perLocale } from "../i18n/per-locale";

/**
 * When a detractor's follow-up becomes overdue (past due, nobody has reached the customer), the region's
 * manager or HQ hears of it, once. Runs at the due time (queued when the follow-up opened) and from the sweep;
 * a follow-up reached, closed, re-timed or escalated before is left alone.
 */
export async function escalateFollowUp(tenant: Tenant, followUpId: string, now = new Date()): Promise<{ sent: number }> {
  const followUp = await db.followUp.findFirst({
    where: { id: followUpId, organizationId: tenant.organizationId },
    include: {
      response: { select: { score: true, category: true, comment: true, contact: { select: { name: true, email: true } } } },
      store: { select: { name: true, timeZone: true, region: { select: { name: true } } } },
      assignee: { select: { user: { select: { name: true, email: true } } } },
    },
  });
  if (!followUp || followUp.escalatedAt || !isOverdue(followUp, now) || followUp.response.category !== "detractor") {
    return { sent: 0 };
  }
  const contact = followUp.response.contact;
  const mailIn = perLocale((locale) => renderEscalationEmail({
    locale,
    score: followUp.response.score,
    place: followUp.store?.name ?? null,
    region: followUp.store?.region?.name ?? null,
    contactName: contact.name ?? contact.email,
    overdueFor: formatter(locale, now).relativeTime(followUp.dueAt, now),
    dueText: localTimeText(followUp.dueAt, followUp.store?.timeZone, { locale }),
    assignee: followUp.assignee ? (followUp.assignee.user.name ?? followUp.assignee.user.email) : null,
    callAttempts: followUp.callAttempts,
    comment: followUp.response.comment,
    url: `${env().APP_URL}/queue/${followUp.id}`,
  }));
  const recipients = await escalationRecipients(tenant, followUp.storeId);
  let sent = 0;
  for (const recipient of recipients) {
    const key = `escalation:${followUp.id}:${recipient.userId}`;
    const result = await sendMailOnce({ ...(await mailIn(recipient.locale)), to: recipient.email, organizationId: tenant.organizationId, key, kind: "escalation" }, now);
    if (result === "sent") sent += 1;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.followUp.updateMany({
      where: { id: followUp.id, organizationId: tenant.organizationId, escalatedAt: null },
      data: { escalatedAt: now },
    });
    const to = recipients.map((r) => r.name ?? r.email).join(", ") || "nobody (no CX manager)";
    if (count === 1) await recordEvent(tx, { organizationId: tenant.organizationId, followUpId: followUp.id, actorId: null, type: "escalated", detail: `to ${to}`, at: now });
  });
  return { sent };
}
