import { renderFollowUpAlertEmail } from "@/emails/follow-up-alert-email";
import { db, preparedQuery } from "../db/client";
import { env } from "../env";
import { localTimeText } from "../followups/local-time";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { alertRecipients } from "./recipients";
import { perLocale } from "../i18n/per-locale";

const alertKey = (responseId: string, userId: string) => `alert:${responseId}:${userId}`;
const commentKey = (responseId: string, userId: string) => `alert-comment:${responseId}:${userId}`;

/**
 * The job behind "alerted within seconds": emails the response's owners its score, comment, contact and the link
 * to its follow-up. Checked again when the job runs: a score changed away from alerting, or a detractor drawn
 * into the holdout, alerts nobody. Each recipient's email is sent at most once, however often the job runs.
 *
 * The first alert goes out at the click, before the customer has written anything; `commentAdded` sends the
 * comment and call-back wish afterwards, once, to those who got the first alert (the others' first alert is still
 * to come and will carry it). Each recipient reads it in their own language.
 */
export async function deliverFollowUpAlert(
  tenant: Tenant,
  responseId: string,
  { commentAdded = false }: { commentAdded?: boolean } = {},
): Promise<{ sent: number }> {
  const [response] = await preparedQuery<AlertedResponse>("alerted-response", ALERTED_RESPONSE_SQL, [responseId, tenant.organizationId]);
  // An erased contact's alert is not sent, even from a job that was already running when they were erased.
  if (!response || response.contactErased) return { sent: 0 };
  const alerts = (response.category === "detractor" && response.followUpId !== null) || (response.category === "passive" && response.alertPassives);
  if (!alerts) return { sent: 0 };

  const mailIn = perLocale((locale) => renderFollowUpAlertEmail({
    locale,
    commentAdded,
    category: response.category as "detractor" | "passive",
    score: response.score,
    place: response.storeName,
    contactName: response.contactName ?? response.contactEmail,
    contactEmail: response.contactEmail,
    phone: response.callbackPhone ?? response.contactPhone,
    callbackConsent: response.callbackConsent,
    comment: response.comment,
    dueText: response.followUpDueAt !== null ? localTimeText(new Date(response.followUpDueAt), response.storeTimeZone, { locale }) : null,
    url: `${env().APP_URL}/queue${response.followUpId ? `/${response.followUpId}` : ""}`,
  }));
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
      ...(await mailIn(recipient.locale)),
      to: recipient.email,
      organizationId: tenant.organizationId,
      key: (commentAdded ? commentKey : alertKey)(response.id, recipient.userId),
      kind: "alert",
    });
    if (result === "sent") sent += 1;
  }
  return { sent };
}

type AlertedResponse = {
  id: string;
  category: "detractor" | "passive" | "promoter";
  score: number;
  storeId: string | null;
  comment: string | null;
  callbackConsent: boolean;
  callbackPhone: string | null;
  contactName: string | null;
  contactEmail: string;
  contactPhone: string | null;
  contactErased: boolean;
  storeName: string | null;
  storeTimeZone: string | null;
  alertPassives: boolean;
  followUpId: string | null;
  /** ms since the epoch: preparedQuery hands timestamp columns over as pg parses them, in local time. */
  followUpDueAt: number | null;
};

// Every alert reads its response with what the email says of it; one prepared statement instead of Prisma's five
// (a query per include), as the worker sends an alert for nearly every detractor's click.
const ALERTED_RESPONSE_SQL = `
  SELECT r."id", r."category"::text AS "category", r."score", r."storeId", r."comment", r."callbackConsent", r."callbackPhone",
         c."name" AS "contactName", c."email" AS "contactEmail", c."phone" AS "contactPhone", c."erasedAt" IS NOT NULL AS "contactErased",
         s."name" AS "storeName", s."timeZone" AS "storeTimeZone", v."alertPassives",
         f."id" AS "followUpId", (extract(epoch FROM f."dueAt") * 1000)::float8 AS "followUpDueAt"
    FROM "Response" r
    JOIN "Contact" c ON c."id" = r."contactId" AND c."organizationId" = r."organizationId"
    JOIN "Survey" v ON v."id" = r."surveyId" AND v."organizationId" = r."organizationId"
    LEFT JOIN "Store" s ON s."id" = r."storeId" AND s."organizationId" = r."organizationId"
    LEFT JOIN "FollowUp" f ON f."responseId" = r."id" AND f."organizationId" = r."organizationId"
   WHERE r."id" = $1 AND r."organizationId" = $2`;
