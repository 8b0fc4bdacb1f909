import type { FollowUpEventType } from "@/lib/generated/prisma/enums";
import { EVENT_LABELS } from "@/lib/followups/events";

type TrailEvent = {
  id: string;
  type: FollowUpEventType;
  detail: string | null;
  createdAt: Date;
  actor: { name: string | null; email: string } | null;
};

/** Who did what and when: the follow-up's audit trail, oldest first, in the store's own clock. */
export function FollowUpTrail({ events, timeText }: { events: TrailEvent[]; timeText: (date: Date) => string }) {
  if (events.length === 0) return <p className="empty">Nothing happened yet.</p>;
  return (
    <ol className="trail" data-testid="follow-up-trail">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{EVENT_LABELS[event.type]}</strong>
          {event.detail && <>: {event.detail}</>}
          <div className="muted" style={{ fontSize: 12 }}>
            {event.actor ? (event.actor.name ?? event.actor.email) : "NPS Loop"} · {timeText(event.createdAt)}
          </div>
        </li>
      ))}
    </ol>
  );
}
