import { renderSurveyEmail } from "@/emails/survey-email";
import { upsertContact } from "../contacts/contacts";
import { db } from "../db";
import { InputError } from "../forms/input-error";
import { resolveLocale } from "../i18n/locales";
import { sendMail } from "../mail/send-mail";
import { getOrganization } from "../organizations/organizations";
import { assertStoresOfTenant } from "../stores/stores";
import { withBrand } from "../surveys/default-texts";
import { getDefaultSurvey, getSurvey } from "../surveys/surveys";
import type { Tenant } from "../tenancy/tenant";
import { scoreUrl, unsubscribeUrl } from "./links";
import type { SurveySendInput } from "./schemas";
import { newSurveyToken } from "./token";
import { SCORES } from "../responses/nps";

/** Sends one survey email to a contact: the contact is created or updated, the send gets its own token. */
export async function sendSurvey(tenant: Tenant, input: SurveySendInput) {
  if (input.storeId) await assertStoresOfTenant(tenant, [input.storeId]);
  const [organization, survey] = await Promise.all([
    getOrganization(tenant),
    input.surveyId ? getSurvey(tenant, input.surveyId) : getDefaultSurvey(tenant),
  ]);
  const contact = await upsertContact(tenant, input);
  if (contact.unsubscribedAt) throw new InputError({ email: "This contact has unsubscribed from surveys" });

  const locale = resolveLocale(contact.locale, organization.defaultLocale);
  const texts = survey.texts.find((t) => t.locale === locale) ?? survey.texts[0];
  const send = await db.surveySend.create({
    data: {
      organizationId: tenant.organizationId,
      surveyId: survey.id,
      contactId: contact.id,
      storeId: input.storeId,
      channel: input.storeId ? "store" : "online",
      token: newSurveyToken(),
      locale,
    },
  });
  const { html, text } = await renderSurveyEmail({
    brand: organization.name,
    brandColor: organization.brandColor,
    locale,
    question: withBrand(texts.question, organization.name),
    greetingName: contact.name,
    scoreUrls: SCORES.map((score) => scoreUrl(send.token, score)),
    unsubscribeUrl: unsubscribeUrl(send.token),
  });
  await sendMail({
    organizationId: tenant.organizationId,
    to: contact.email,
    subject: withBrand(texts.emailSubject, organization.name),
    html,
    text,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl(send.token)}>` },
  });
  return send;
}

export async function countSends(tenant: Tenant, range: { from: Date; to: Date }, storeIds: string[] | null) {
  return db.surveySend.count({
    where: {
      organizationId: tenant.organizationId,
      sentAt: { gte: range.from, lt: range.to },
      ...(storeIds === null ? {} : { storeId: { in: storeIds } }),
    },
  });
}
