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
import { OUTCOMES, OUTCOME_LABELS } from "@/lib/followups/schemas";
import { recoveryOf, resurveyOf } from "@/lib/resurveys/recovery";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { tenantOf } from "@/lib/tenancy/tenant";
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
  const timeText = (date: Date) => localTimeText(date, followUp.store?.timeZone, { weekday: false });
  const isClosed = followUp.status === "closed";
  const causeOptions = [{ value: "", label: "Not known" }, ...rootCauses.map((c) => ({ value: c.id, label: c.label }))];
  const firstContact = followUp.contactedAt
    ? Math.round((followUp.contactedAt.getTime() - followUp.createdAt.getTime()) / 60_000)
    : null;

  return (
    <>
      <p>
        <a href="/queue">← Call-back queue</a>
      </p>
      <h1>Follow-up</h1>
      <QueueCard item={followUp} now={new Date()} linkToDetail={false} />
      <p className="muted" data-testid="follow-up-times">
        Opened {timeText(followUp.createdAt)} · due {timeText(followUp.dueAt)}
        {firstContact !== null && <> · first contact after {formatMinutes(firstContact)}</>}
        {followUp.escalatedAt && <> · escalated {timeText(followUp.escalatedAt)}</>}
        {followUp.resolution && <> · resolution: {followUp.resolution}</>}
      </p>
      {!isClosed && (
        <div className="grid two">
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Close with an outcome</h2>
            <ActionForm action={closeFollowUpAction.bind(null, followUp.id)} submitLabel="Close follow-up">
              <SelectField
                name="outcome"
                label="Outcome"
                options={OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
              />
              <SelectField name="rootCauseId" label="Root cause" options={causeOptions} defaultValue={followUp.rootCauseId ?? ""} />
              <TextAreaField name="resolution" label="Resolution (what was done)" />
              <TextAreaField name="body" id="closingNote" label="Closing note (optional)" />
            </ActionForm>
          </section>
          <div>
            <section className="card">
              <h2 style={{ marginTop: 0 }}>Calling</h2>
              {followUp.status === "contacted" ? (
                <p>Contacted {followUp.contactedAt && timeText(followUp.contactedAt)}.</p>
              ) : (
                <div className="form-row">
                  <ActionForm action={markContactedAction.bind(null, followUp.id)} submitLabel="Mark contacted" />
                  <ActionForm action={callAttemptAction.bind(null, followUp.id)} submitLabel="No answer" className="form secondary" />
                </div>
              )}
              <p className="muted">
                {followUp.callAttempts} call attempt{followUp.callAttempts === 1 ? "" : "s"} without answer so far.
              </p>
            </section>
            <section className="card stack">
              <h2 style={{ marginTop: 0 }}>Owner and cause</h2>
              <ActionForm action={assignAction.bind(null, followUp.id)} submitLabel="Assign">
                <SelectField
                  name="membershipId"
                  label="Assigned to"
                  options={[{ value: "", label: "Nobody" }, ...assignees.map((a) => ({ value: a.id, label: a.label }))]}
                  defaultValue={followUp.assigneeId ?? ""}
                />
              </ActionForm>
              <ActionForm action={rootCauseAction.bind(null, followUp.id)} submitLabel="Save root cause">
                <SelectField name="rootCauseId" id="rootCauseChoice" label="Root cause" options={causeOptions} defaultValue={followUp.rootCauseId ?? ""} />
              </ActionForm>
            </section>
          </div>
        </div>
      )}
      {isClosed && <RecoveryCard resurvey={resurvey} recovery={recovery} timeText={timeText} />}
      <div className="grid halves">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Notes</h2>
          {followUp.notes.length === 0 && <p className="empty">No notes yet.</p>}
          <ul className="notes">
            {followUp.notes.map((note) => (
              <li key={note.id}>
                <div>{note.body}</div>
                <div className="muted" style={{ fontSize: 12 }}>
                  {note.author?.name ?? note.author?.email ?? "Someone"} · {timeText(note.createdAt)}
                </div>
              </li>
            ))}
          </ul>
          <ActionForm action={addNoteAction.bind(null, followUp.id)} submitLabel="Add note">
            <TextAreaField name="body" label="New note" />
          </ActionForm>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>History</h2>
          <FollowUpTrail events={followUp.events} timeText={timeText} />
        </section>
      </div>
    </>
  );
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.round(minutes / 60 / 24)} days`;
}
