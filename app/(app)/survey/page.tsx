import { ActionForm, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { getOrganization } from "@/lib/organizations/organizations";
import { DEFAULT_SURVEY_TEXTS } from "@/lib/surveys/default-texts";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { chooseSurvey, listSurveys } from "@/lib/surveys/surveys";
import { SurveyPicker } from "@/components/surveys/survey-picker";
import { addSurveyAction, saveBrandingAction, saveSurveySettingsAction, saveSurveyTextAction } from "./actions";

const TEXT_FIELDS = [
  ["emailSubject", "Email subject"],
  ["question", "Question"],
  ["detractorPrompt", "Question for detractors (0–6)"],
  ["passivePrompt", "Question for passives (7–8)"],
  ["promoterPrompt", "Question for promoters (9–10)"],
  ["thankYou", "Thank-you text"],
] as const;

type Props = { searchParams: Promise<{ survey?: string }> };

export default async function SurveyPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/survey"]);
  const { survey: surveyId } = await searchParams;
  const [survey, surveys, organization] = await Promise.all([
    chooseSurvey(member, surveyId).catch(notFoundOnForeignId),
    listSurveys(member),
    getOrganization(member),
  ]);
  const localeOptions = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));
  return (
    <>
      <h1>Survey &amp; branding</h1>
      <SurveyPicker surveys={surveys} currentId={survey.id} path="/survey" />
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Survey “{survey.name}”</h2>
          <ActionForm action={saveSurveySettingsAction.bind(null, survey.id)} submitLabel="Save survey">
            <Field name="name" label="Name" defaultValue={survey.name} />
            <Field
              name="followUpSlaHours"
              label="Call-back within (hours)"
              type="number"
              defaultValue={survey.followUpSlaHours}
              hint="A detractor's follow-up is due this long after the response."
            />
            <Field name="reviewUrl" label="Public review link for promoters" defaultValue={survey.reviewUrl ?? ""} />
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Branding</h2>
          <ActionForm action={saveBrandingAction} submitLabel="Save branding">
            <Field name="name" id="brand-name" label="Brand name" defaultValue={organization.name} />
            <Field name="brandColor" label="Brand colour" type="color" defaultValue={organization.brandColor} />
            <SelectField name="defaultLocale" label="Default language" options={localeOptions} defaultValue={organization.defaultLocale} />
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Add a survey</h2>
          <p className="muted">For another moment, e.g. after a support case: its own texts, call-back time and loop settings.</p>
          <ActionForm action={addSurveyAction} submitLabel="Add survey">
            <Field name="name" id="new-survey-name" label="Name" />
            <Field name="followUpSlaHours" id="new-survey-sla" label="Call-back within (hours)" type="number" defaultValue={24} />
          </ActionForm>
        </section>
      </div>
      <h2>Texts per language</h2>
      <p className="muted">Write {"{brand}"} where the brand name belongs.</p>
      {LOCALES.map((locale) => {
        const texts = survey.texts.find((t) => t.locale === locale) ?? DEFAULT_SURVEY_TEXTS[locale];
        return (
          <details key={locale} className="card">
            <summary>
              <strong>{LOCALE_NAMES[locale]}</strong>
            </summary>
            <ActionForm action={saveSurveyTextAction.bind(null, survey.id)} submitLabel={`Save ${LOCALE_NAMES[locale]}`}>
              <input type="hidden" name="locale" value={locale} />
              {TEXT_FIELDS.map(([name, label]) => (
                <Field key={name} name={name} label={label} defaultValue={texts[name]} />
              ))}
            </ActionForm>
          </details>
        );
      })}
    </>
  );
}
