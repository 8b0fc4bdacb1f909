import { renderResurveyEmail } from "@/emails/resurvey-email";
import { db } from "../db/client";
import { recordEvent } from "../followups/events";
import { resolveLocale } from "../i18n/locales";
import { sendMailOnce } from "../mail/send-once";
import { SCORES } from "../responses/nps";
import { scoreUrl, unsubscribeHeaders, unsubscribeUrl } from "../sending/survey-links";
import { newSurveyToken } from "../sending/survey-token";
import { withBrand } from "../surveys/default-texts";
import type { Tenant } from "../tenancy/tenant";

/**
 * The re-survey job: once due, the contact gets a new one-click survey (a send of its own, made once under the
 * re-survey's row lock) and its email, sent at most once. Its answer is an ordinary response; recovery compares
 * it with the original.
 */
export async function sendResurvey(tenant: Tenant, resurveyId: string, now = new Date()): Promise<{ sent: boolean }> {
  const resurvey = await db.resurvey.findFirst({
    where: { id: resurveyId, organizationId: tenant.organizationId },
    include: {
      response: {
        include: {
          contact: true,
          surveySend: { select: { storeId: true, channel: true, surveyId: true } },
          survey: { include: { texts: true } },
          organization: { select: { name: true, brandColor: true, defaultLocale: true } },
          followUp: { select: { id: true } },
        },
      },
    },
  });
  if (!resurvey || resurvey.sentAt || resurvey.dueAt > now) return { sent: false };
  const { response } = resurvey;
  const { contact, survey, organization } = response;
  if (contact.unsubscribedAt) return { sent: false };

  const locale = resolveLocale(contact.locale ?? response.locale, organization.defaultLocale);
  const send = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Resurvey" WHERE "id" = ${resurvey.id} AND "organizationId" = ${tenant.organizationId} FOR UPDATE`;
    const current = await tx.resurvey.findUniqueOrThrow({
      where: { id: resurvey.id, organizationId: tenant.organizationId },
      include: { surveySend: true },
    });
    if (current.surveySend) return current.surveySend;
    const created = await tx.surveySend.create({
      data: {
        organizationId: tenant.organizationId,
        surveyId: response.surveySend.surveyId,
        contactId: contact.id,
        storeId: response.surveySend.storeId,
        channel: response.surveySend.channel,
        token: newSurveyToken(),
        locale,
        sentAt: now,
      },
    });
    await tx.resurvey.update({ where: { id: resurvey.id, organizationId: tenant.organizationId }, data: { surveySendId: created.id } });
    return created;
  });

  const texts = survey.texts.find((t) => t.locale === locale) ?? survey.texts[0]!;
  const { subject, html, text } = await renderResurveyEmail({
    brand: organization.name,
    brandColor: organization.brandColor,
    locale,
    question: withBrand(texts.question, organization.name),
    greetingName: contact.name,
    scoreUrls: SCORES.map((score) => scoreUrl(send.token, score)),
    unsubscribeUrl: unsubscribeUrl(send.token),
  });
  await sendMailOnce(
    {
      key: `resurvey:${resurvey.id}`,
      kind: "resurvey",
      organizationId: tenant.organizationId,
      to: contact.email,
      subject,
      html,
      text,
      headers: unsubscribeHeaders(send.token),
    },
    now,
  );
  await db.$transaction(async (tx) => {
    const { count } = await tx.resurvey.updateMany({
      where: { id: resurvey.id, organizationId: tenant.organizationId, sentAt: null },
      data: { sentAt: now },
    });
    if (count === 1 && response.followUp) {
      await recordEvent(tx, { organizationId: tenant.organizationId, followUpId: response.followUp.id, actorId: null, type: "resurvey_sent", at: now });
    }
  });
  return { sent: true };
}
