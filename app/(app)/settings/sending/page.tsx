import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getSendingPolicy } from "@/lib/sending/policy";
import { clockText } from "@/lib/sending/schemas";
import { saveSendingPolicyAction } from "./actions";

/** The rules every survey email passes, whichever way it was asked for (form, API, campaign). */
export default async function SendingRulesPage() {
  const member = await requireMember(ACCESS["/settings/sending"]);
  const [policy, t] = await Promise.all([getSendingPolicy(member), getTranslations("sendingPage")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <p className="muted">{t("intro")}</p>
        <ActionForm action={saveSendingPolicyAction} submitLabel={t("save")}>
          <Field name="throttleDays" label={t("throttle")} type="number" defaultValue={policy.throttleDays} hint={t("throttleHint")} />
          <Field name="quietHoursStart" label={t("quietFrom")} type="time" defaultValue={clockText(policy.quietHoursStart)} hint={t("quietFromHint")} />
          <Field name="quietHoursEnd" label={t("quietUntil")} type="time" defaultValue={clockText(policy.quietHoursEnd)} />
          <Field name="timeZone" label={t("timeZone")} defaultValue={policy.timeZone} hint={t("timeZoneHint")} />
        </ActionForm>
      </section>
    </>
  );
}
