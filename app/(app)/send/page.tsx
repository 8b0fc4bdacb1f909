import { getTranslations } from "next-intl/server";
import { ActionForm, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { listStores } from "@/lib/stores/stores";
import { listSurveys } from "@/lib/surveys/surveys";
import { sendSurveyAction } from "./actions";

export default async function SendSurveyPage() {
  const member = await requireMember(ACCESS["/send"]);
  const [stores, surveys, t] = await Promise.all([listStores(member), listSurveys(member), getTranslations("sendPage")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <p className="muted">{t("intro")}</p>
        <ActionForm action={sendSurveyAction} submitLabel={t("submit")}>
          <Field name="email" label={t("email")} type="email" />
          <Field name="name" label={t("name")} />
          <Field name="phone" label={t("phone")} type="tel" hint={t("phoneHint")} />
          <SelectField
            name="locale"
            label={t("language")}
            options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
          />
          <SelectField
            name="storeId"
            label={t("store")}
            options={[{ value: "", label: t("online") }, ...stores.map((s) => ({ value: s.id, label: s.name }))]}
          />
          {surveys.length > 1 && (
            <SelectField name="surveyId" label={t("survey")} options={surveys.map((s) => ({ value: s.id, label: s.name }))} />
          )}
        </ActionForm>
      </section>
    </>
  );
}
