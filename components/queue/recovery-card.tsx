import { useTranslations } from "next-intl";
import type { Recovery } from "@/lib/resurveys/recovery";

/** After closing: when the re-survey goes out, and once answered whether the customer came back. */
export function RecoveryCard({ resurvey, recovery, timeText }: {
  resurvey: { dueAt: Date; sentAt: Date | null } | null;
  recovery: Recovery;
  timeText: (date: Date) => string;
}) {
  const t = useTranslations("followUp");
  if (!resurvey) return null;
  return (
    <section className="card" data-testid="recovery">
      <h2 style={{ marginTop: 0 }}>{t("resurvey")}</h2>
      {!resurvey.sentAt && <p>{t("resurveyDue", { time: timeText(resurvey.dueAt) })}</p>}
      {resurvey.sentAt && !recovery && <p>{t("resurveySent", { time: timeText(resurvey.sentAt) })}</p>}
      {recovery && (
        <p>
          {t("answered", { newScore: recovery.newScore, originalScore: recovery.originalScore })}{" "}
          <strong className={recovery.recovered ? "recovered" : "not-recovered"}>
            {t(recovery.recovered ? "recovered" : "notRecovered")}
          </strong>
          {recovery.nowPassiveOrPromoter && t(recovery.newScore >= 9 ? "nowPromoter" : "nowPassive")}.
        </p>
      )}
    </section>
  );
}
