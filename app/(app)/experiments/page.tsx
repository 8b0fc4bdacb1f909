import { getTranslations } from "next-intl/server";
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
  const [results, recovery, t] = await Promise.all([getExperimentResults(member), getRecoverySummary(member), getTranslations("experimentsPage")]);
  const now = new Date();
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card" data-testid="recovery-summary">
        <h2 style={{ marginTop: 0 }}>{t("recovery")}</h2>
        {recovery.answered === 0 ? (
          <p className="empty">{t("noneAnswered", { sent: recovery.resurveyed })}</p>
        ) : (
          <p>
            {t.rich("recoverySummary", {
              strong: (chunks) => <strong>{chunks}</strong>,
              recovered: recovery.recovered,
              answered: recovery.answered,
              rate: pct(recovery.recovered / recovery.answered),
              low: pct(recovery.interval!.low),
              high: pct(recovery.interval!.high),
              movedUp: recovery.nowPassiveOrPromoter,
              sent: recovery.resurveyed,
            })}
          </p>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("holdout")}</h2>
        <p className="muted">
          {results.currentHoldoutPercent > 0 ? t("holdoutOn", { percent: results.currentHoldoutPercent }) : t("holdoutOff")}{" "}
          {t.rich("measured", { link: (chunks) => <a href="/loop">{chunks}</a> })}
        </p>
        <h3>{t("scoredHigher")}</h3>
        <ExperimentTable results={results} measure="higher" />
        <h3>{t("movedUp")}</h3>
        <ExperimentTable results={results} measure="movedUp" />
        <p className="muted" style={{ fontSize: 13 }}>
          {t("method")}
        </p>
      </section>
      <PromoterFunnelCard member={member} view={{ range: { from: subDays(now, 90), to: now } }} />
    </>
  );
}
