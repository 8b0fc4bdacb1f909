import { formatDistanceStrict } from "date-fns";
import type { QueueItem } from "@/lib/followups/followups";
import { isOverdue } from "@/lib/followups/overdue";
import { OUTCOME_LABELS } from "@/lib/followups/schemas";

/** One customer to call back: score, what they said, how long ago, and one click to call or write. */
export function QueueCard({ item, now, linkToDetail = true }: { item: QueueItem; now: Date; linkToDetail?: boolean }) {
  const { response } = item;
  const contact = response.contact;
  const phone = response.callbackPhone ?? contact.phone;
  const overdue = isOverdue(item, now);
  return (
    <article className={`card queue-item${overdue ? " overdue" : ""}`} data-testid="queue-item">
      <span className={`score ${response.category}`} title="Score">
        {response.score}
      </span>
      <div>
        <div>
          <strong>{contact.name ?? contact.email}</strong>{" "}
          <span className="muted">· {item.store?.name ?? "Online"}</span>
          {response.category === "passive" && <span className="badge passive">Passive · lower priority</span>}
        </div>
        <p className="comment">{response.comment ?? <span className="muted">No comment left.</span>}</p>
        <div className="contact">
          {phone && (
            <a className="button" href={`tel:${phone.replace(/[^+\d]/g, "")}`}>
              Call {phone}
            </a>
          )}
          <a className="button secondary" href={`mailto:${contact.email}`}>
            Email {contact.email}
          </a>
          {response.callbackConsent && <span className="badge contacted">Asked for a call-back</span>}
        </div>
        <div className="meta">
          Responded {formatDistanceStrict(response.respondedAt, now, { addSuffix: true })}
          {item.assignee && <> · Assigned to {item.assignee.user.name ?? item.assignee.user.email}</>}
          {item.callAttempts > 0 && <> · {item.callAttempts} call{item.callAttempts === 1 ? "" : "s"} without answer</>}
          {item.rootCause && <> · {item.rootCause.label}</>}
        </div>
      </div>
      <div style={{ textAlign: "right" }}>
        <StatusBadge item={item} now={now} />
        {linkToDetail && (
          <div style={{ marginTop: 10 }}>
            <a className="button secondary" href={`/queue/${item.id}`}>
              Open
            </a>
          </div>
        )}
      </div>
    </article>
  );
}

function StatusBadge({ item, now }: { item: QueueItem; now: Date }) {
  if (item.status === "closed") {
    return <span className="badge closed">Closed{item.outcome ? ` · ${OUTCOME_LABELS[item.outcome]}` : ""}</span>;
  }
  const due = formatDistanceStrict(item.dueAt, now, { addSuffix: true });
  if (item.status === "contacted") return <span className="badge contacted">Contacted · to close</span>;
  return isOverdue(item, now) ? (
    <span className="badge overdue">Overdue · due {due}</span>
  ) : (
    <span className="badge due">Due {due}</span>
  );
}
