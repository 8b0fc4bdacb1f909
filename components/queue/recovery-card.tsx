import type { Recovery } from "@/lib/resurveys/recovery";

/** After closing: when the re-survey goes out, and once answered whether the customer came back. */
export function RecoveryCard({ resurvey, recovery, timeText }: {
  resurvey: { dueAt: Date; sentAt: Date | null } | null;
  recovery: Recovery;
  timeText: (date: Date) => string;
}) {
  if (!resurvey) return null;
  return (
    <section className="card" data-testid="recovery">
      <h2 style={{ marginTop: 0 }}>Re-survey</h2>
      {!resurvey.sentAt && <p>Goes out {timeText(resurvey.dueAt)}.</p>}
      {resurvey.sentAt && !recovery && <p>Sent {timeText(resurvey.sentAt)}; no answer yet.</p>}
      {recovery && (
        <p>
          Answered {recovery.newScore} (was {recovery.originalScore}):{" "}
          <strong className={recovery.recovered ? "recovered" : "not-recovered"}>
            {recovery.recovered ? "recovered" : "not recovered"}
          </strong>
          {recovery.nowPassiveOrPromoter && <>, now a {recovery.newScore >= 9 ? "promoter" : "passive"}</>}.
        </p>
      )}
    </section>
  );
}
