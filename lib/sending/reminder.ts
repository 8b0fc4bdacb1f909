import { db } from "../db/client";
import { resolveLocale, type Locale } from "../i18n/locales";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { surveyMessage } from "./survey-message";

const REMINDER_PREFIX: Record<Locale, string> = {
  en: "Reminder: ",
  de: "Erinnerung: ",
  nl: "Herinnering: ",
  pl: "Przypomnienie: ",
  fr: "Rappel : ",
};

/**
 * A campaign's single reminder, N days after the survey email: the same email (same token, so either one
 * records the answer) to contacts who have not answered and may still be mailed. Sent at most once per send.
 */
export async function sendSurveyReminder(tenant: Tenant, surveySendId: string): Promise<{ sent: boolean }> {
  const send = await db.surveySend.findFirst({
    where: { id: surveySendId, organizationId: tenant.organizationId },
    include: {
      contact: true,
      response: { select: { id: true } },
      organization: { select: { name: true, brandColor: true, defaultLocale: true } },
      survey: { select: { texts: { select: { locale: true, emailSubject: true, question: true } } } },
    },
  });
  if (!send || send.status !== "sent" || send.response) return { sent: false };
  if (send.contact.unsubscribedAt || send.contact.suppressedAt || send.contact.erasedAt) return { sent: false };
  const locale = resolveLocale(send.locale, send.organization.defaultLocale);
  const mail = await surveyMessage(send, { subjectPrefix: REMINDER_PREFIX[locale] });
  const messageId = mail.headers?.["Message-ID"]?.replace("<survey-", "<reminder-");
  const result = await sendMailOnce({
    ...mail,
    headers: { ...mail.headers, ...(messageId ? { "Message-ID": messageId } : {}) },
    key: `survey-reminder:${send.id}`,
    kind: "survey-reminder",
  });
  return { sent: result === "sent" };
}
