import { getTranslations } from "next-intl/server";
import { QueueCard } from "@/components/queue/queue-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listQueue } from "@/lib/followups/followups";
import { isOverdue } from "@/lib/followups/overdue";

export default async function QueuePage() {
  const member = await requireMember(ACCESS["/queue"]);
  const t = await getTranslations("queue");
  const now = new Date();
  const { open, recentlyClosed } = await listQueue(member, { now });
  const overdue = open.filter((item) => isOverdue(item, now)).length;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t("summary", { open: open.length })}
        {overdue > 0 && (
          <>
            , <strong>{t("overdue", { count: overdue })}</strong>
          </>
        )}
        . {t("order")}
      </p>
      {open.length === 0 && <p className="card empty">{t("empty")}</p>}
      <div data-testid="queue-open">
        {open.map((item) => (
          <QueueCard key={item.id} item={item} now={now} />
        ))}
      </div>
      {recentlyClosed.length > 0 && (
        <>
          <h2>{t("recentlyClosed")}</h2>
          {recentlyClosed.map((item) => (
            <QueueCard key={item.id} item={item} now={now} />
          ))}
        </>
      )}
    </>
  );
}
