import { useTranslations } from "next-intl";
import type { FollowUpEventType } from "@/lib/generated/prisma/enums";

type TrailEvent = {
  id: string;
  type: FollowUpEventType;
  detail: string | null;
  createdAt: Date;
  actor: { name: string | null; email: string } | null;
};

/** Who did what and when: the follow-up's audit trail, oldest first, in the store's own clock. */
export function FollowUpTrail({ events, timeText }: { events: TrailEvent[]; timeText: (date: Date) => string }) {
  const t = useTranslations("events");
  const common = useTranslations("common");
  const followUp = useTranslations("followUp");
  if (events.length === 0) return <p className="empty">{followUp("nothingYet")}</p>;
  return (
    <ol className="trail" data-testid="follow-up-trail">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{t(event.type)}</strong>
          {event.detail && <>: {event.detail}</>}
          <div className="muted" style={{ fontSize: 12 }}>
            {event.actor ? (event.actor.name ?? event.actor.email) : common("system")} · {timeText(event.createdAt)}
          </div>
        </li>
      ))}
    </ol>
  );
}
