import { ActionForm, Field } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getSendingPolicy } from "@/lib/sending/policy";
import { clockText } from "@/lib/sending/schemas";
import { saveSendingPolicyAction } from "./actions";

/** The rules every survey email passes, whichever way it was asked for (form, API, campaign). */
export default async function SendingRulesPage() {
  const member = await requireMember(ACCESS["/settings/sending"]);
  const policy = await getSendingPolicy(member);
  return (
    <>
      <h1>Sending rules</h1>
      <section className="card">
        <p className="muted">
          These apply to every survey email: from the send form, the API and campaigns. Opted-out customers, bounced and complained addresses
          are never mailed; every email has an unsubscribe link and one-click unsubscribe headers.
        </p>
        <ActionForm action={saveSendingPolicyAction} submitLabel="Save rules">
          <Field name="throttleDays" label="Do not survey a customer again within (days)" type="number" defaultValue={policy.throttleDays} hint="0 switches the throttle off. Default 30." />
          <Field name="quietHoursStart" label="Quiet hours from" type="time" defaultValue={clockText(policy.quietHoursStart)} hint="No survey mail at night; leave both empty for none." />
          <Field name="quietHoursEnd" label="Quiet hours until" type="time" defaultValue={clockText(policy.quietHoursEnd)} />
          <Field name="timeZone" label="Time zone for online purchases" defaultValue={policy.timeZone} hint="Store purchases use the store's time zone." />
        </ActionForm>
      </section>
    </>
  );
}
