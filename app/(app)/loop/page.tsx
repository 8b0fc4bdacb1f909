import { ActionForm, CheckboxList, Field, SelectField } from "@/components/form/action-form";
import { StoreLoopForm } from "@/components/loop/store-loop-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { SurveyPicker } from "@/components/surveys/survey-picker";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { getLoopSettings } from "@/lib/followups/loop-settings";
import { listSurveys } from "@/lib/surveys/surveys";
import { listRootCauses } from "@/lib/followups/root-causes";
import {
  addRootCauseAction,
  archiveRootCauseAction,
  saveStoreLoopAction,
  saveSurveyLoopAction,
  setCustomerServiceTeamAction,
  setRegionManagerAction,
} from "./actions";

/** Everything about closing the loop a CX manager decides: alerts, SLAs, re-survey, holdout, owners, causes. */
type Props = { searchParams: Promise<{ survey?: string }> };

export default async function LoopSettingsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/loop"]);
  const { survey: surveyId } = await searchParams;
  const [{ survey, stores, regions, members }, surveys, rootCauses] = await Promise.all([
    getLoopSettings(member, surveyId).catch(notFoundOnForeignId),
    listSurveys(member),
    listRootCauses(member, { includeArchived: true }),
  ]);
  const memberOptions = [{ value: "", label: "Nobody (CX managers)" }, ...members.map((m) => ({ value: m.id, label: m.user.name ?? m.user.email }))];
  return (
    <>
      <h1>Loop settings</h1>
      <SurveyPicker surveys={surveys} currentId={survey.id} path="/loop" />
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Survey “{survey.name}”</h2>
          <ActionForm action={saveSurveyLoopAction.bind(null, survey.id)} submitLabel="Save loop settings">
            <label className="check">
              <input type="checkbox" name="alertPassives" defaultChecked={survey.alertPassives} /> Alert the store for passives (7–8) too
            </label>
            <label className="check">
              <input type="checkbox" name="passiveFollowUps" defaultChecked={survey.passiveFollowUps} /> Open lower-priority follow-ups for passives
            </label>
            <Field name="passiveSlaHours" label="Passives: call back within (hours)" type="number" defaultValue={survey.passiveSlaHours} />
            <Field
              name="resurveyAfterDays"
              label="Re-survey after (days)"
              type="number"
              defaultValue={survey.resurveyAfterDays}
              hint="Days after a follow-up is closed that the customer gets a new survey. 0 = right away."
            />
            <Field
              name="holdoutPercent"
              label="Holdout share (%)"
              type="number"
              defaultValue={survey.holdoutPercent}
              hint="Detractors drawn at random to get no follow-up, only the re-survey, to measure the effect. 0 = off."
            />
            <Field name="referralUrl" label="Referral programme page" defaultValue={survey.referralUrl ?? ""} hint="Promoters share it with their code as ?ref=CODE." />
          </ActionForm>
          <p className="muted" style={{ fontSize: 13 }}>
            Detractors (0–6) always alert their store&apos;s managers at once. Call-back time for detractors and the review link: <a href={`/survey?survey=${survey.id}`}>Survey &amp; branding</a>.
          </p>
        </section>
        <div>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Escalation: region managers</h2>
            <p className="muted">When a follow-up becomes overdue, its region&apos;s manager gets an email; without one, the CX managers do.</p>
            {regions.length === 0 && <p className="empty">No regions yet.</p>}
            {regions.map((region) => (
              <ActionForm key={region.id} action={setRegionManagerAction.bind(null, region.id)} submitLabel={`Save ${region.name}`}>
                <SelectField name="membershipId" label={region.name} options={memberOptions} defaultValue={region.managerId ?? ""} />
              </ActionForm>
            ))}
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Customer-service team</h2>
            <p className="muted">Alerted about online responses (no store). Without a team, the CX managers are.</p>
            <ActionForm action={setCustomerServiceTeamAction} submitLabel="Save team">
              <CheckboxList
                name="membershipIds"
                label="Members"
                options={members.map((m) => ({ value: m.id, label: `${m.user.name ?? m.user.email} (${m.role.replace("_", " ")})` }))}
                defaultValues={members.filter((m) => m.customerService).map((m) => m.id)}
              />
            </ActionForm>
          </section>
        </div>
      </div>

      <h2>Stores: call-back time, business hours, review page</h2>
      {stores.map((store) => (
        <StoreLoopForm key={store.id} store={store} surveySlaHours={survey.followUpSlaHours} action={saveStoreLoopAction.bind(null, store.id)} />
      ))}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Root causes</h2>
        <table>
          <tbody>
            {rootCauses.map((cause) => (
              <tr key={cause.id}>
                <td>{cause.archivedAt ? <span className="muted">{cause.label} (archived)</span> : cause.label}</td>
                <td className="compact">
                  <ActionForm action={archiveRootCauseAction.bind(null, cause.id, !cause.archivedAt)} submitLabel={cause.archivedAt ? "Restore" : "Archive"} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ActionForm action={addRootCauseAction} submitLabel="Add root cause" className="form inline">
          <Field name="label" label="New root cause" />
        </ActionForm>
      </section>
    </>
  );
}
