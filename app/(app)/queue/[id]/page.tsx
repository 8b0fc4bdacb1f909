import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, SelectField, TextAreaField } from "@/components/form/action-form";
import { FollowUpTrail } from "@/components/queue/follow-up-trail";
import { QueueCard } from "@/components/queue/queue-card";
import { RecoveryCard } from "@/components/queue/recovery-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listAssignees } from "@/lib/followups/assignees";
import { getFollowUp } from "@/lib/followups/followups";
import { localTimeText } from "@/lib/followups/local-time";
import { listRootCauses } from "@/lib/followups/root-causes";
import { OUTCOMES } from "@/lib/followups/schemas";
import { recoveryOf, resurveyOf } from "@/lib/resurveys/recovery";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { tenantOf } from "@/lib/tenancy/tenant";
import type { Locale } from "@/lib/i18n/locales";
import { addNoteAction, assignAction, callAttemptAction, closeFollowUpAction, markContactedAction, rootCauseAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export default async function FollowUpPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember(ACCESS["/queue/[id]"]);
  const followUp = await getFollowUp(member, id).catch(notFoundOnForeignId);
  // The follow-up is one of the member's stores' (getFollowUp checked): its store and response are theirs too.
  const tenant = tenantOf(member);
  const [assignees, rootCauses, resurvey, recovery] = await Promise.all([
    listAssignees(tenant, followUp.storeId),
    listRootCauses(tenant),
    resurveyOf(tenant, followUp.responseId),
    recoveryOf(tenant, followUp.responseId),
  ]);
  const [t, outcomes, common, locale] = await Promise.all([getTranslations("followUp"), getTranslations("outcomes"), getTranslations("common"), getLocale()]);
  const timeText = (date: Date) => localTimeText(date, followUp.store?.timeZone, { weekday: false, locale: locale as Locale });
  const isClosed = followUp.status === "closed";
  const causeOptions = [{ value: "", label: t("notKnown") }, ...rootCauses.map((c) => ({ value: c.id, label: c.label }))];
  const duration = (minutes: number) =>
    minutes < 60
      ? common("minutes", { minutes })
      : minutes < 48 * 60
        ? common("hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
        : common("days", { days: Math.round(minutes / 60 / 24) });
  const firstContact = followUp.contactedAt
    ? Math.round((followUp.contactedAt.getTime() - followUp.createdAt.getTime()) / 60_000)
    : null;

  return (
    <>
      <p>
        <a href="/queue">{t("back")}</a>
      </p>
      <h1>{t("title")}</h1>
      <QueueCard item={followUp} now={new Date()} linkToDetail={false} />
      <p className="muted" data-testid="follow-up-times">
        {t("opened", { time: timeText(followUp.createdAt) })} · {t("due", { time: timeText(followUp.dueAt) })}
        {firstContact !== null && <> · {t("firstContact", { duration: duration(firstContact) })}</>}
        {followUp.escalatedAt && <> · {t("escalated", { time: timeText(followUp.escalatedAt) })}</>}
        {followUp.resolution && <> · {t("resolution", { text: followUp.resolution })}</>}
      </p>
      {!isClosed && (
        <div className="grid two">
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t("closeTitle")}</h2>
            <ActionForm action={closeFollowUpAction.bind(null, followUp.id)} submitLabel={t("closeSubmit")}>
              <SelectField
                name="outcome"
                label={t("outcome")}
                options={OUTCOMES.map((outcome) => ({ value: outcome, label: outcomes(outcome) }))}
              />
              <SelectField name="rootCauseId" label={t("rootCause")} options={causeOptions} defaultValue={followUp.rootCauseId ?? ""} />
              <TextAreaField name="resolution" label={t("resolutionLabel")} />
              <TextAreaField name="body" id="closingNote" label={t("closingNote")} />
            </ActionForm>
          </section>
          <div>
            <section className="card">
              <h2 style={{ marginTop: 0 }}>{t("calling")}</h2>
              {followUp.status === "contacted" ? (
                <p>{t("contactedAt", { time: followUp.contactedAt ? timeText(followUp.contactedAt) : "" })}</p>
              ) : (
                <div className="form-row">
                  <ActionForm action={markContactedAction.bind(null, followUp.id)} submitLabel={t("markContacted")} />
                  <ActionForm action={callAttemptAction.bind(null, followUp.id)} submitLabel={t("noAnswer")} className="form secondary" />
                </div>
              )}
              <p className="muted">
                {t("attempts", { count: followUp.callAttempts })}
              </p>
            </section>
            <section className="card stack">
              <h2 style={{ marginTop: 0 }}>{t("ownerAndCause")}</h2>
              <ActionForm action={assignAction.bind(null, followUp.id)} submitLabel={t("assign")}>
                <SelectField
                  name="membershipId"
                  label={t("assignedTo")}
                  options={[{ value: "", label: t("nobody") }, ...assignees.map((a) => ({ value: a.id, label: a.label }))]}
                  defaultValue={followUp.assigneeId ?? ""}
                />
              </ActionForm>
              <ActionForm action={rootCauseAction.bind(null, followUp.id)} submitLabel={t("saveRootCause")}>
                <SelectField name="rootCauseId" id="rootCauseChoice" label={t("rootCause")} options={causeOptions} defaultValue={followUp.rootCauseId ?? ""} />
              </ActionForm>
            </section>
          </div>
        </div>
      )}
      {isClosed && <RecoveryCard resurvey={resurvey} recovery={recovery} timeText={timeText} />}
      <div className="grid halves">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("notes")}</h2>
          {followUp.notes.length === 0 && <p className="empty">{t("noNotes")}</p>}
          <ul className="notes">
            {followUp.notes.map((note) => (
              <li key={note.id}>
                <div>{note.body}</div>
                <div className="muted" style={{ fontSize: 12 }}>
                  {note.author?.name ?? note.author?.email ?? common("someone")} · {timeText(note.createdAt)}
                </div>
              </li>
            ))}
          </ul>
          <ActionForm action={addNoteAction.bind(null, followUp.id)} submitLabel={t("addNote")}>
            <TextAreaField name="body" label={t("newNote")} />
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("history")}</h2>
          <FollowUpTrail events={followUp.events} timeText={timeText} />
        </section>
      </div>
    </>
  );
}
