import { ActionForm, SelectField, TextAreaField } from "@/components/form/action-form";
import { QueueCard } from "@/components/queue/queue-card";
import { requireMember } from "@/lib/auth/session";
import { getFollowUp } from "@/lib/followups/followups";
import { OUTCOMES, OUTCOME_LABELS } from "@/lib/followups/schemas";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { notFound } from "next/navigation";
import { addNoteAction, closeFollowUpAction, markContactedAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export default async function FollowUpPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember();
  const followUp = await getFollowUp(member, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const isClosed = followUp.status === "closed";
  return (
    <>
      <p>
        <a href="/queue">← Call-back queue</a>
      </p>
      <h1>Follow-up</h1>
      <QueueCard item={followUp} now={new Date()} linkToDetail={false} />
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
              <TextAreaField name="body" label="Closing note (optional)" />
            </ActionForm>
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Reached the customer?</h2>
            {followUp.status === "contacted" ? (
              <p>Contacted {followUp.contactedAt?.toLocaleString("en-GB")}.</p>
            ) : (
              <ActionForm action={markContactedAction.bind(null, followUp.id)} submitLabel="Mark contacted" />
            )}
          </section>
        </div>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Notes</h2>
        {followUp.notes.length === 0 && <p className="empty">No notes yet.</p>}
        <ul className="notes">
          {followUp.notes.map((note) => (
            <li key={note.id}>
              <div>{note.body}</div>
              <div className="muted" style={{ fontSize: 12 }}>
                {note.author?.name ?? note.author?.email ?? "Someone"} · {note.createdAt.toLocaleString("en-GB")}
              </div>
            </li>
          ))}
        </ul>
        <ActionForm action={addNoteAction.bind(null, followUp.id)} submitLabel="Add note">
          <TextAreaField name="body" label="New note" />
        </ActionForm>
      </section>
    </>
  );
}
