import { useFormatter, useTranslations } from "next-intl";
import type { FollowUpFigures } from "@/lib/analytics/follow-up-figures";
import type { OUTCOMES } from "@/lib/followups/schemas";

/** How fast and how well the loop was closed, and why customers were unhappy (root causes recorded by staff). */
export function FollowUpCards({ figures }: { figures: FollowUpFigures }) {
  const t = useTranslations("loopFigures");
  const outcomeLabel = useTranslations("outcomes");
  const common = useTranslations("common");
  const format = useFormatter();
  const outcomes = Object.entries(figures.outcomes) as [(typeof OUTCOMES)[number], number][];
  return (
    <div className="grid kpis" data-testid="follow-up-figures">
      <Card label={t("openNow")} value={figures.open} sub={t("overdue", { count: figures.overdue })} />
      <Card label={t("openedInPeriod")} value={figures.opened} sub={t("contacted", { count: figures.contacted })} />
      <Card label={t("medianFirstContact")} value={duration(figures.medianMinutesToFirstContact, common)} sub={t("openedInPeriodSub")} />
      <Card
        label={t("withinSla")}
        value={figures.withinSla === null ? "–" : `${Math.round(figures.withinSla * 100)}%`}
        sub={t("ofDecided", { count: figures.slaDecided })}
      />
      <div className="card kpi">
        <div className="label">{t("outcomes")}</div>
        <ul className="outcomes">
          {outcomes.map(([outcome, count]) => (
            <li key={outcome}>
              {outcomeLabel(outcome)}: <strong>{format.number(count)}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="card kpi" data-testid="root-causes">
        <div className="label">{t("rootCauses")}</div>
        <ul className="outcomes">
          {figures.rootCauses.map((cause) => (
            <li key={cause.rootCauseId ?? "none"}>
              {cause.label}: <strong>{format.number(cause.followUps)}</strong>
            </li>
          ))}
        </ul>
        <div className="sub">{t("openedInPeriodSub")}</div>
      </div>
    </div>
  );
}

function Card({ label, value, sub }: { label: string; value: string | number; sub: string }) {
  const format = useFormatter();
  return (
    <div className="card kpi">
      <div className="label">{label}</div>
      <div className="value">{typeof value === "number" ? format.number(value) : value}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}

type CommonWords = ReturnType<typeof useTranslations<"common">>;

export function duration(minutes: number | null, common: CommonWords): string {
  if (minutes === null) return "–";
  if (minutes < 60) return common("minutes", { minutes: Math.round(minutes) });
  if (minutes < 48 * 60) return common("hours", { hours: Number((minutes / 60).toFixed(1)) });
  return common("days", { days: Number((minutes / 1440).toFixed(1)) });
}
