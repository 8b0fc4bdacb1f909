import { getTranslations } from "next-intl/server";
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

const TEXT_FIELDS = ["emailSubject", "question", "detractorPrompt", "passivePrompt", "promoterPrompt", "thankYou"] as const;

type Props = { searchParams: Promise<{ survey?: string }> };

export default async function SurveyPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/survey"]);
  const { survey: surveyId } = await searchParams;
  const [survey, surveys, organization, t] = await Promise.all([
    chooseSurvey(member, surveyId).catch(notFoundOnForeignId),
    listSurveys(member),
    getOrganization(member),
    getTranslations("surveyPage"),
  ]);
  const localeOptions = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));
  return (
    <>
      <h1>{t("title")}</h1>
      <SurveyPicker surveys={surveys} currentId={survey.id} path="/survey" />
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("survey", { name: survey.name })}</h2>
          <ActionForm action={saveSurveySettingsAction.bind(null, survey.id)} submitLabel={t("saveSurvey")}>
            <Field name="name" label={t("name")} defaultValue={survey.name} />
            <Field
              name="followUpSlaHours"
              label={t("sla")}
              type="number"
              defaultValue={survey.followUpSlaHours}
              hint={t("slaHint")}
            />
            <Field name="reviewUrl" label={t("reviewUrl")} defaultValue={survey.reviewUrl ?? ""} />
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("branding")}</h2>
          <ActionForm action={saveBrandingAction} submitLabel={t("saveBranding")}>
            <Field name="name" id="brand-name" label={t("brandName")} defaultValue={organization.name} />
            <Field name="brandColor" label={t("brandColour")} type="color" defaultValue={organization.brandColor} />
            <SelectField name="defaultLocale" label={t("defaultLanguage")} options={localeOptions} defaultValue={organization.defaultLocale} />
            <p className="hint">{t("defaultLanguageHint")}</p>
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("addSurvey")}</h2>
          <p className="muted">{t("addSurveyIntro")}</p>
          <ActionForm action={addSurveyAction} submitLabel={t("addSubmit")}>
            <Field name="name" id="new-survey-name" label={t("name")} />
            <Field name="followUpSlaHours" id="new-survey-sla" label={t("sla")} type="number" defaultValue={24} />
          </ActionForm>
        </section>
      </div>
      <h2>{t("texts")}</h2>
      <p className="muted">{t("brandHint")}</p>
      {LOCALES.map((locale) => {
        const texts = survey.texts.find((text) => text.locale === locale) ?? DEFAULT_SURVEY_TEXTS[locale];
        return (
          <details key={locale} className="card">
            <summary>
              <strong>{LOCALE_NAMES[locale]}</strong>
            </summary>
            <ActionForm action={saveSurveyTextAction.bind(null, survey.id)} submitLabel={t("saveTexts", { language: LOCALE_NAMES[locale] })}>
              <input type="hidden" name="locale" value={locale} />
              {TEXT_FIELDS.map((name) => (
                <Field key={name} name={name} label={t(name)} defaultValue={texts[name]} />
              ))}
            </ActionForm>
          </details>
        );
      })}
    </>
  );
}
