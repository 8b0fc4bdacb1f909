import type { Difference, Interval } from "@/lib/experiments/confidence";
import type { ExperimentResults, GroupFigures } from "@/lib/experiments/results";

const pct = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
const interval = (value: Interval | null) => (value ? `${pct(value.low)} – ${pct(value.high)}` : "–");
const points = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} pts`;

/** Contacted versus holdout detractors, side by side, for one measure of recovery. */
export function ExperimentTable({ results, measure }: { results: ExperimentResults; measure: "higher" | "movedUp" }) {
  const rate = (g: GroupFigures) => (measure === "higher" ? g.higherRate : g.movedUpRate);
  const count = (g: GroupFigures) => (measure === "higher" ? g.higher : g.movedUp);
  const ci = (g: GroupFigures) => (measure === "higher" ? g.higherInterval : g.movedUpInterval);
  const difference = measure === "higher" ? results.higherDifference : results.movedUpDifference;
  return (
    <>
      <table data-testid={`experiment-${measure}`}>
        <thead>
          <tr>
            <th>Group</th>
            <th className="num">Detractors</th>
            <th className="num">Re-surveyed</th>
            <th className="num">Answered (n)</th>
            <th className="num">{measure === "higher" ? "Scored higher" : "Now passive or promoter"}</th>
            <th className="num">Rate</th>
            <th className="num">95% interval</th>
          </tr>
        </thead>
        <tbody>
          {[results.contacted, results.holdout].map((g) => (
            <tr key={g.group}>
              <td>{g.group === "contacted" ? "Contacted (follow-up)" : "Holdout (no follow-up)"}</td>
              <td className="num">{g.assigned}</td>
              <td className="num">{g.resurveyed}</td>
              <td className="num">{g.answered}</td>
              <td className="num">{count(g)}</td>
              <td className="num">{pct(rate(g))}</td>
              <td className="num">{interval(ci(g))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Verdict difference={difference} />
    </>
  );
}

function Verdict({ difference }: { difference: Difference | null }) {
  if (!difference) return <p className="verdict not-yet">Not enough answers yet: both groups need answered re-surveys.</p>;
  const range = `95% interval ${points(difference.low)} to ${points(difference.high)}`;
  return difference.significant ? (
    <p className="verdict significant" data-testid="verdict">
      Difference {points(difference.difference)} ({range}): the follow-up {difference.difference > 0 ? "works" : "does harm"}.
    </p>
  ) : (
    <p className="verdict not-yet" data-testid="verdict">
      Difference {points(difference.difference)} ({range}): not significant yet, the interval includes 0.
    </p>
  );
}
