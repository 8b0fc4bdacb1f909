import { QueueCard } from "@/components/queue/queue-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listQueue } from "@/lib/followups/followups";
import { isOverdue } from "@/lib/followups/overdue";

export default async function QueuePage() {
  const member = await requireMember(ACCESS["/queue"]);
  const now = new Date();
  const { open, recentlyClosed } = await listQueue(member, { now });
  const overdue = open.filter((item) => isOverdue(item, now)).length;
  return (
    <>
      <h1>Call-back queue</h1>
      <p className="muted">
        {open.length} to call back{overdue > 0 && <>, <strong>{overdue} overdue</strong></>}. Overdue first, then by due
        time.
      </p>
      {open.length === 0 && <p className="card empty">Nothing to call back. Well done.</p>}
      <div data-testid="queue-open">
        {open.map((item) => (
          <QueueCard key={item.id} item={item} now={now} />
        ))}
      </div>
      {recentlyClosed.length > 0 && (
        <>
          <h2>Recently closed</h2>
          {recentlyClosed.map((item) => (
            <QueueCard key={item.id} item={item} now={now} />
          ))}
        </>
      )}
    </>
  );
}
