import { renderFollowUpAlertEmail } from "@/emails/follow-up-alert-email";
import { db } from "../db";
import { env } from "../env";
import { localTimeText } from "../followups/local-time";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { alertRecipients } from "./recipients";

/**
 * The job behind "alerted within seconds": emails the response's owners its score, comment, contact and the link
 * to its follow-up. Checked again when the job runs: a score changed away from alerting, or a detractor drawn
 * into the holdout, alerts nobody. Each recipient's email is sent at most once, however often the job runs.
 */
export async function deliverFollowUpAlert(tenant: Tenant, responseId: string): Promise<{ sent: number }> {
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
  let sent = 0;
  for (const recipient of await alertRecipients(tenant, response.storeId)) {
    const result = await sendMailOnce({
      ...mail,
      to: recipient.email,
      organizationId: tenant.organizationId,
      key: `alert:${response.id}:${recipient.userId}`,
      kind: "alert",
    });
    if (result === "sent") sent += 1;
  }
  return { sent };
}
