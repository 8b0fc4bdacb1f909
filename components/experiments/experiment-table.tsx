import { useTranslations } from "next-intl";
import type { Difference, Interval } from "@/lib/experiments/confidence";
import type { ExperimentResults, GroupFigures } from "@/lib/experiments/results";

const pct = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
const interval = (value: Interval | null) => (value ? `${pct(value.low)} – ${pct(value.high)}` : "–");
const signed = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}`;

/** Contacted versus holdout detractors, side by side, for one measure of recovery. */
export function ExperimentTable({ results, measure }: { results: ExperimentResults; measure: "higher" | "movedUp" }) {
  const t = useTranslations("experimentTable");
  const rate = (g: GroupFigures) => (measure === "higher" ? g.higherRate : g.movedUpRate);
  const count = (g: GroupFigures) => (measure === "higher" ? g.higher : g.movedUp);
  const ci = (g: GroupFigures) => (measure === "higher" ? g.higherInterval : g.movedUpInterval);
  const difference = measure === "higher" ? results.higherDifference : results.movedUpDifference;
  return (
    <>
      <table data-testid={`experiment-${measure}`}>
        <thead>
          <tr>
            <th>{t("group")}</th>
            <th className="num">{t("detractors")}</th>
            <th className="num">{t("resurveyed")}</th>
            <th className="num">{t("answered")}</th>
            <th className="num">{t(measure === "higher" ? "scoredHigher" : "movedUp")}</th>
            <th className="num">{t("rate")}</th>
            <th className="num">{t("interval")}</th>
          </tr>
        </thead>
        <tbody>
          {[results.contacted, results.holdout].map((g) => (
            <tr key={g.group}>
              <td>{t(g.group === "contacted" ? "contacted" : "holdout")}</td>
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
  const t = useTranslations("experimentTable");
  if (!difference) return <p className="verdict not-yet">{t("notEnough")}</p>;
  const points = (value: number) => t("points", { value: signed(value) });
  const values = { difference: points(difference.difference), range: t("range", { low: points(difference.low), high: points(difference.high) }) };
  return difference.significant ? (
    <p className="verdict significant" data-testid="verdict">
      {t(difference.difference > 0 ? "works" : "harms", values)}
    </p>
  ) : (
    <p className="verdict not-yet" data-testid="verdict">
      {t("notSignificant", values)}
    </p>
  );
}
