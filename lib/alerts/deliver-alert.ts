import { renderFollowUpAlertEmail } from "@/emails/follow-up-alert-email";
import { db } from "../db";
import { env } from "../env";
import { localTimeText } from "../followups/local-time";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { alertRecipients } from "./recipients";

const alertKey = (responseId: string, userId: string) => `alert:${responseId}:${userId}`;
const commentKey = (responseId: string, userId: string) => `alert-comment:${responseId}:${userId}`;

/**
 * The job behind "alerted within seconds": emails the response's owners its score, comment, contact and the link
 * to its follow-up. Checked again when the job runs: a score changed away from alerting, or a detractor drawn
 * into the holdout, alerts nobody. Each recipient's email is sent at most once, however often the job runs.
 *
 * The first alert goes out at the click, before the customer has written anything; `commentAdded` sends the
 * comment and call-back wish afterwards, once, to those who got the first alert (the others' first alert is still
 * to come and will carry it).
 */
export async function deliverFollowUpAlert(
  tenant: Tenant,
  responseId: string,
  { commentAdded = false }: { commentAdded?: boolean } = {},
): Promise<{ sent: number }> {
  const response = await db.response.findFirst({
    where: { id: responseId, organizationId: tenant.organizationId },
    include: {
      contact: { select: { name: true, email: true, phone: true } },
      store: { select: { name: true, timeZone: true } },
      survey: { select: { alertPassives: true } },
      followUp: { select: { id: true, dueAt: true } },
    },
  });
  if (!response) return { sent: 0 };
  const alerts =
    (response.category === "detractor" && response.followUp !== null) ||
    (response.category === "passive" && response.survey.alertPassives);
  if (!alerts) return { sent: 0 };

  const { followUp, contact } = response;
  const mail = await renderFollowUpAlertEmail({
    commentAdded,
    category: response.category as "detractor" | "passive",
    score: response.score,
    place: response.store?.name ?? "Online",
    contactName: contact.name ?? contact.email,
    contactEmail: contact.email,
    phone: response.callbackPhone ?? contact.phone,
    callbackConsent: response.callbackConsent,
    comment: response.comment,
    dueText: followUp ? localTimeText(followUp.dueAt, response.store?.timeZone) : null,
    url: `${env().APP_URL}/queue${followUp ? `/${followUp.id}` : ""}`,
  });
  let recipients = await alertRecipients(tenant, response.storeId);
  if (commentAdded) {
    const alerted = await db.mailDelivery.findMany({
      where: { key: { in: recipients.map((r) => alertKey(response.id, r.userId)) } },
      select: { key: true },
    });
    const alertedKeys = new Set(alerted.map((delivery) => delivery.key));
    recipients = recipients.filter((r) => alertedKeys.has(alertKey(response.id, r.userId)));
  }
  let sent = 0;
  for (const recipient of recipients) {
    const result = await sendMailOnce({
      ...mail,
      to: recipient.email,
      organizationId: tenant.organizationId,
      key: (commentAdded ? commentKey : alertKey)(response.id, recipient.userId),
      kind: "alert",
    });
    if (result === "sent") sent += 1;
  }
  return { sent };
}
