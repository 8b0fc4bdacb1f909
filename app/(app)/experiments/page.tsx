import { subDays } from "date-fns";
import { ExperimentTable } from "@/components/experiments/experiment-table";
import { PromoterFunnelCard } from "@/components/promoters/promoter-funnel-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getExperimentResults, getRecoverySummary } from "@/lib/experiments/results";

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** Does calling detractors back work? The holdout experiment's answer, and the promoter funnel. */
export default async function ExperimentsPage() {
  const member = await requireMember(ACCESS["/experiments"]);
  const [results, recovery] = await Promise.all([getExperimentResults(member), getRecoverySummary(member)]);
  const now = new Date();
  return (
    <>
      <h1>Loop results</h1>
      <section className="card" data-testid="recovery-summary">
        <h2 style={{ marginTop: 0 }}>Recovery after a call-back</h2>
        {recovery.answered === 0 ? (
          <p className="empty">No re-survey answered yet ({recovery.resurveyed} sent).</p>
        ) : (
          <p>
            <strong>
              {recovery.recovered} of {recovery.answered}
            </strong>{" "}
            contacted detractors who answered their re-survey scored higher ({pct(recovery.recovered / recovery.answered)}, 95%
            interval {pct(recovery.interval!.low)}–{pct(recovery.interval!.high)}); {recovery.nowPassiveOrPromoter} are now passives or
            promoters. {recovery.resurveyed} re-surveys sent.
          </p>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Holdout experiment</h2>
        <p className="muted">
          {results.currentHoldoutPercent > 0
            ? `${results.currentHoldoutPercent}% of detractors are drawn at random into a holdout: no follow-up, the same re-survey at the same delay.`
            : "The holdout is off (0%); the figures below are from the weeks it was on."}{" "}
          Recovery is measured among those who answered their re-survey. Change the share under{" "}
          <a href="/loop">Loop settings</a>.
        </p>
        <h3>Scored higher than before</h3>
        <ExperimentTable results={results} measure="higher" />
        <h3>Moved to passive or promoter</h3>
        <ExperimentTable results={results} measure="movedUp" />
        <p className="muted" style={{ fontSize: 13 }}>
          Intervals: Wilson score for each rate, Newcombe&apos;s hybrid score method for the difference (contacted − holdout).
        </p>
      </section>
      <PromoterFunnelCard member={member} range={{ from: subDays(now, 90), to: now }} />
    </>
  );
}
