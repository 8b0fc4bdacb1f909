import { getTranslations } from "next-intl/server";
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
  const [{ survey, stores, regions, members }, surveys, rootCauses, t, roles] = await Promise.all([
    getLoopSettings(member, surveyId).catch(notFoundOnForeignId),
    listSurveys(member),
    listRootCauses(member, { includeArchived: true }),
    getTranslations("loopPage"),
    getTranslations("roles"),
  ]);
  const memberOptions = [{ value: "", label: t("nobodyCx") }, ...members.map((m) => ({ value: m.id, label: m.user.name ?? m.user.email }))];
  return (
    <>
      <h1>{t("title")}</h1>
      <SurveyPicker surveys={surveys} currentId={survey.id} path="/loop" />
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("survey", { name: survey.name })}</h2>
          <ActionForm action={saveSurveyLoopAction.bind(null, survey.id)} submitLabel={t("save")}>
            <label className="check">
              <input type="checkbox" name="alertPassives" defaultChecked={survey.alertPassives} /> {t("alertPassives")}
            </label>
            <label className="check">
              <input type="checkbox" name="passiveFollowUps" defaultChecked={survey.passiveFollowUps} /> {t("passiveFollowUps")}
            </label>
            <Field name="passiveSlaHours" label={t("passiveSla")} type="number" defaultValue={survey.passiveSlaHours} />
            <Field
              name="resurveyAfterDays"
              label={t("resurveyAfter")}
              type="number"
              defaultValue={survey.resurveyAfterDays}
              hint={t("resurveyHint")}
            />
            <Field
              name="holdoutPercent"
              label={t("holdout")}
              type="number"
              defaultValue={survey.holdoutPercent}
              hint={t("holdoutHint")}
            />
            <Field name="referralUrl" label={t("referral")} defaultValue={survey.referralUrl ?? ""} hint={t("referralHint")} />
          </ActionForm>
          <p className="muted" style={{ fontSize: 13 }}>
            {t.rich("detractorsNote", { link: (chunks) => <a href={`/survey?survey=${survey.id}`}>{chunks}</a> })}
          </p>
        </section>
        <div>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t("escalation")}</h2>
            <p className="muted">{t("escalationIntro")}</p>
            {regions.length === 0 && <p className="empty">{t("noRegions")}</p>}
            {regions.map((region) => (
              <ActionForm key={region.id} action={setRegionManagerAction.bind(null, region.id)} submitLabel={t("saveRegion", { name: region.name })}>
                <SelectField name="membershipId" label={region.name} options={memberOptions} defaultValue={region.managerId ?? ""} />
              </ActionForm>
            ))}
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t("team")}</h2>
            <p className="muted">{t("teamIntro")}</p>
            <ActionForm action={setCustomerServiceTeamAction} submitLabel={t("saveTeam")}>
              <CheckboxList
                name="membershipIds"
                label={t("members")}
                options={members.map((m) => ({ value: m.id, label: `${m.user.name ?? m.user.email} (${roles(m.role)})` }))}
                defaultValues={members.filter((m) => m.customerService).map((m) => m.id)}
              />
            </ActionForm>
          </section>
        </div>
      </div>

      <h2>{t("storesTitle")}</h2>
      {stores.map((store) => (
        <StoreLoopForm key={store.id} store={store} surveySlaHours={survey.followUpSlaHours} action={saveStoreLoopAction.bind(null, store.id)} />
      ))}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("rootCauses")}</h2>
        <table>
          <tbody>
            {rootCauses.map((cause) => (
              <tr key={cause.id}>
                <td>{cause.archivedAt ? <span className="muted">{t("archived", { label: cause.label })}</span> : cause.label}</td>
                <td className="compact">
                  <ActionForm action={archiveRootCauseAction.bind(null, cause.id, !cause.archivedAt)} submitLabel={t(cause.archivedAt ? "restore" : "archive")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ActionForm action={addRootCauseAction} submitLabel={t("addRootCause")} className="form inline">
          <Field name="label" label={t("newRootCause")} />
        </ActionForm>
      </section>
    </>
  );
}
