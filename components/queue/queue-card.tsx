import { useFormatter, useTranslations } from "next-intl";
import type { QueueItem } from "@/lib/followups/followups";
import { isOverdue } from "@/lib/followups/overdue";

/** One customer to call back: score, what they said, how long ago, and one click to call or write. */
export function QueueCard({ item, now, linkToDetail = true }: { item: QueueItem; now: Date; linkToDetail?: boolean }) {
  const t = useTranslations("queue");
  const format = useFormatter();
  const common = useTranslations("common");
  const { response } = item;
  const contact = response.contact;
  const phone = response.callbackPhone ?? contact.phone;
  const overdue = isOverdue(item, now);
  return (
    <article className={`card queue-item${overdue ? " overdue" : ""}`} data-testid="queue-item">
      <span className={`score ${response.category}`} title={t("score")}>
        {response.score}
      </span>
      <div>
        <div>
          <strong>{contact.name ?? contact.email}</strong>{" "}
          <span className="muted">· {item.store?.name ?? common("online")}</span>
          {response.category === "passive" && <span className="badge passive">{t("passiveBadge")}</span>}
        </div>
        <p className="comment">{response.comment ?? <span className="muted">{t("noComment")}</span>}</p>
        <div className="contact">
          {phone && (
            <a className="button" href={`tel:${phone.replace(/[^+\d]/g, "")}`}>
              {t("call", { phone })}
            </a>
          )}
          <a className="button secondary" href={`mailto:${contact.email}`}>
            {t("email", { email: contact.email })}
          </a>
          {response.callbackConsent && <span className="badge contacted">{t("askedCallBack")}</span>}
        </div>
        <div className="meta">
          {t("responded", { when: format.relativeTime(response.respondedAt, now) })}
          {item.assignee && <> · {t("assignedTo", { name: item.assignee.user.name ?? item.assignee.user.email })}</>}
          {item.callAttempts > 0 && <> · {t("callsWithoutAnswer", { count: item.callAttempts })}</>}
          {item.rootCause && <> · {item.rootCause.label}</>}
        </div>
      </div>
      <div style={{ textAlign: "right" }}>
        <StatusBadge item={item} now={now} />
        {linkToDetail && (
          <div style={{ marginTop: 10 }}>
            <a className="button secondary" href={`/queue/${item.id}`}>
              {t("open")}
            </a>
          </div>
        )}
      </div>
    </article>
  );
}

function StatusBadge({ item, now }: { item: QueueItem; now: Date }) {
  const t = useTranslations("queue");
  const outcomes = useTranslations("outcomes");
  const format = useFormatter();
  if (item.status === "closed") {
    return <span className="badge closed">{item.outcome ? t("closedWith", { outcome: outcomes(item.outcome) }) : t("closed")}</span>;
  }
  const when = format.relativeTime(item.dueAt, now);
  if (item.status === "contacted") return <span className="badge contacted">{t("contacted")}</span>;
  return isOverdue(item, now) ? (
    <span className="badge overdue">{t("overdueDue", { when })}</span>
  ) : (
    <span className="badge due">{t("due", { when })}</span>
  );
}
