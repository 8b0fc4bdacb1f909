import { ActionForm, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { listStores } from "@/lib/stores/stores";
import { listSurveys } from "@/lib/surveys/surveys";
import { sendSurveyAction } from "./actions";

export default async function SendSurveyPage() {
  const member = await requireMember(ACCESS["/send"]);
  const [stores, surveys] = await Promise.all([listStores(member), listSurveys(member)]);
  return (
    <>
      <h1>Send a survey</h1>
      <section className="card">
        <p className="muted">One email with the 0–10 question. One click records the score.</p>
        <ActionForm action={sendSurveyAction} submitLabel="Send survey">
          <Field name="email" label="Customer email" type="email" />
          <Field name="name" label="Name" />
          <Field name="phone" label="Phone" type="tel" hint="Lets the store call a detractor back." />
          <SelectField
            name="locale"
            label="Language"
            options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
          />
          <SelectField
            name="storeId"
            label="Store"
            options={[{ value: "", label: "Online (no store)" }, ...stores.map((s) => ({ value: s.id, label: s.name }))]}
          />
          {surveys.length > 1 && (
            <SelectField name="surveyId" label="Survey" options={surveys.map((s) => ({ value: s.id, label: s.name }))} />
          )}
        </ActionForm>
      </section>
    </>
  );
}
