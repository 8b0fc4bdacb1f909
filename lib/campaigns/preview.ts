import { getOrganization } from "../organizations/organizations";
import { surveyMessage } from "../sending/survey-message";
import { getSurvey } from "../surveys/surveys";
import type { Tenant } from "../tenancy/tenant";

const SAMPLE_TOKEN = "PREVIEW-PREVIEW-PREVIEW-PREVIEW0";

/** The campaign's email in every language its survey speaks, as a contact called Alex would get it. */
export async function previewCampaignEmails(tenant: Tenant, surveyId: string) {
  const [organization, survey] = await Promise.all([getOrganization(tenant), getSurvey(tenant, surveyId)]);
  return Promise.all(
    survey.texts.map(async (texts) => {
      const mail = await surveyMessage({
        id: "preview",
        organizationId: tenant.organizationId,
        token: SAMPLE_TOKEN,
        locale: texts.locale,
        contact: { email: "alex@example.com", name: "Alex" },
        organization,
        survey,
      });
      return { locale: texts.locale, subject: mail.subject, html: mail.html };
    }),
  );
}
