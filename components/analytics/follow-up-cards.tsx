import type { FollowUpFigures } from "@/lib/analytics/follow-up-figures";
import { OUTCOME_LABELS } from "@/lib/followups/schemas";

/** How fast and how well the loop was closed, and why customers were unhappy (root causes recorded by staff). */
export function FollowUpCards({ figures }: { figures: FollowUpFigures }) {
  const outcomes = Object.entries(figures.outcomes) as [keyof typeof OUTCOME_LABELS, number][];
  return (
    <div className="grid kpis" data-testid="follow-up-figures">
      <Card label="Open now" value={figures.open} sub={`${figures.overdue} overdue`} />
      <Card label="Opened in period" value={figures.opened} sub={`${figures.contacted} contacted`} />
      <Card label="Median time to first contact" value={duration(figures.medianMinutesToFirstContact)} sub="opened in period" />
      <Card
        label="Contacted within SLA"
        value={figures.withinSla === null ? "–" : `${Math.round(figures.withinSla * 100)}%`}
        sub={`of ${figures.slaDecided} due or contacted`}
      />
      <div className="card kpi">
        <div className="label">Outcomes</div>
        <ul className="outcomes">
          {outcomes.map(([outcome, count]) => (
            <li key={outcome}>
              {OUTCOME_LABELS[outcome] ?? outcome}: <strong>{count}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="card kpi" data-testid="root-causes">
        <div className="label">Root causes</div>
        <ul className="outcomes">
          {figures.rootCauses.map((cause) => (
            <li key={cause.rootCauseId ?? "none"}>
              {cause.label}: <strong>{cause.followUps}</strong>
            </li>
          ))}
        </ul>
        <div className="sub">opened in period</div>
      </div>
    </div>
  );
}

function Card({ label, value, sub }: { label: string; value: string | number; sub: string }) {
  return (
    <div className="card kpi">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}

export function duration(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}
