import { CategoryShareChart } from "@/components/analytics/category-share-chart";
import { ChangeMark } from "@/components/analytics/change-mark";
import { FilterBar } from "@/components/analytics/filter-bar";
import { FollowUpCards } from "@/components/analytics/follow-up-cards";
import { Leaderboard } from "@/components/analytics/leaderboard";
import { ResponseRateTable } from "@/components/analytics/response-rate-table";
import { DistributionChart } from "@/components/dashboard/distribution-chart";
import { NpsFigure, percent } from "@/components/dashboard/nps-figure";
import { NpsTrendChart } from "@/components/dashboard/nps-trend-chart";
import { PromoterFunnelCard } from "@/components/promoters/promoter-funnel-card";
import { getTranslations } from "next-intl/server";
import { useFormatter } from "next-intl";
import { getDashboard } from "@/lib/analytics/dashboard";
import { MIN_RESPONSES } from "@/lib/analytics/nps-figures";
import { queryString } from "@/lib/analytics/schemas";
import { loadAnalyticsView, type SearchParams } from "@/lib/analytics/view";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";

type Props = { searchParams: Promise<SearchParams> };

export default async function DashboardPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/dashboard"]);
  const view = await loadAnalyticsView(member, await searchParams).catch(notFoundOnForeignId);
  const { query, filters, options, error } = view;
  const dashboard = await getDashboard(member, filters);
  const { figure } = dashboard;
  const t = await getTranslations("dashboard");
  const previousLabel = filters.previous ? t("previousPeriod") : null;
  const keep = queryString(query);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <div className="actions">
          <a className="button secondary" href={`/comments${keep}`}>{t("comments")}</a>
          <a className="button secondary" href={`/themes${keep}`}>{t("themes")}</a>
          <a className="button secondary" href={`/exports/responses.csv${keep}`} download>{t("exportResponses")}</a>
          <a className="button secondary" href={`/exports/follow-ups.csv${keep}`} download>{t("exportFollowUps")}</a>
        </div>
      </div>
      <FilterBar query={query} range={filters.range} options={options} error={error} />

      <div className="grid kpis">
        <div className="card kpi" data-testid="kpi-nps">
          <div className="label">{t("nps")}</div>
          <div className="value">
            <NpsFigure summary={figure} />
          </div>
          <div className="sub">
            {t("margin", { n: figure.responses })}
            {previousLabel && (
              <>
                {" · "}
                <ChangeMark change={dashboard.change} against={previousLabel} /> {t("vsPrevious")}
              </>
            )}
          </div>
        </div>
        <Kpi
          testId="kpi-responses"
          label={t("responses")}
          value={figure.responses}
          sub={t("ofSent", { rate: dashboard.responseRate === null ? "–" : `${Math.round(dashboard.responseRate * 100)}%`, sent: dashboard.sent })}
        />
        <Kpi testId="kpi-promoters" label={t("promoters")} value={figure.promoters} sub={percent(figure.promoters, figure.responses)} />
        <Kpi testId="kpi-passives" label={t("passives")} value={figure.passives} sub={percent(figure.passives, figure.responses)} />
        <Kpi testId="kpi-detractors" label={t("detractors")} value={figure.detractors} sub={percent(figure.detractors, figure.responses)} />
      </div>

      <div className="grid two">
        <section className="card">
          <h2 className="card-title">{t("npsBy", { grain: filters.trend })}</h2>
          <NpsTrendChart
            name={t("npsBy", { grain: filters.trend })}
            points={dashboard.trend.map(({ period, figure: point }) => {
              const shown = !point.tooFew && point.nps !== null;
              const margin = point.marginOfError ?? 0;
              return {
                period,
                responses: point.responses,
                nps: shown ? point.nps : null,
                low: shown ? Math.max(-100, point.nps! - margin) : null,
                high: shown ? Math.min(100, point.nps! + margin) : null,
              };
            })}
          />
          <p className="hint">{t("bandHint", { min: MIN_RESPONSES })}</p>
        </section>
        <section className="card">
          <h2 className="card-title">{t("distribution")}</h2>
          <DistributionChart name={t("distribution")} distribution={dashboard.distribution} />
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">{t("sharesBy", { grain: filters.trend })}</h2>
        <CategoryShareChart
          name={t("sharesBy", { grain: filters.trend })}
          points={dashboard.trend.map(({ period, figure: point }) => ({
            period,
            promoters: point.promoters,
            passives: point.passives,
            detractors: point.detractors,
          }))}
        />
      </section>

      <section className="card">
        <h2 className="card-title">{t("stores")}</h2>
        <Leaderboard
          testId="store-leaderboard"
          rows={dashboard.stores}
          label={t("store")}
          previousLabel={previousLabel}
          extra={[
            { header: t("region"), cell: (row) => dashboard.stores.find((store) => store.key === row.key)?.region ?? "–" },
            {
              header: t("openOverdue"),
              cell: (row) => {
                const store = dashboard.stores.find((candidate) => candidate.key === row.key);
                return (
                  <>
                    {store?.openFollowUps ?? 0}
                    {" / "}
                    {store?.overdueFollowUps ? <span className="badge overdue">{store.overdueFollowUps}</span> : 0}
                  </>
                );
              },
            },
          ]}
        />
      </section>

      <div className="grid halves">
        <section className="card">
          <h2 className="card-title">{t("regions")}</h2>
          <Leaderboard testId="region-leaderboard" rows={dashboard.regions} label={t("region")} previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">{t("channels")}</h2>
          <Leaderboard testId="channel-leaderboard" rows={dashboard.channels} label={t("channel")} previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">{t("segments")}</h2>
          <Leaderboard testId="segment-leaderboard" rows={dashboard.segments} label={t("segment")} previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">{t("rateBySurvey")}</h2>
          <ResponseRateTable rows={dashboard.surveys} label={t("survey")} />
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">{t("rateByStore")}</h2>
        <ResponseRateTable rows={dashboard.stores} label={t("store")} />
      </section>

      <h2>{t("closingTheLoop")}</h2>
      <FollowUpCards figures={dashboard.followUps} />
      <PromoterFunnelCard member={member} view={filters} />
      <p className="hint">
        {t("legend", { min: MIN_RESPONSES })}
      </p>
    </>
  );
}

function Kpi({ label, value, sub, testId }: { label: string; value: number; sub: string; testId: string }) {
  const format = useFormatter();
  return (
    <div className="card kpi" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{format.number(value)}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}
