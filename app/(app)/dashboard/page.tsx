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
  const previousLabel = filters.previous ? "the previous period" : null;
  const keep = queryString(query);

  return (
    <>
      <div className="page-head">
        <h1>Dashboard</h1>
        <div className="actions">
          <a className="button secondary" href={`/comments${keep}`}>Comments</a>
          <a className="button secondary" href={`/themes${keep}`}>Themes</a>
          <a className="button secondary" href={`/exports/responses.csv${keep}`} download>Export responses (CSV)</a>
          <a className="button secondary" href={`/exports/follow-ups.csv${keep}`} download>Export follow-ups (CSV)</a>
        </div>
      </div>
      <FilterBar query={query} range={filters.range} options={options} error={error} />

      <div className="grid kpis">
        <div className="card kpi" data-testid="kpi-nps">
          <div className="label">NPS</div>
          <div className="value">
            <NpsFigure summary={figure} />
          </div>
          <div className="sub">
            95% margin of error, n = {figure.responses}
            {previousLabel && (
              <>
                {" · "}
                <ChangeMark change={dashboard.change} against={previousLabel} /> vs previous period
              </>
            )}
          </div>
        </div>
        <Kpi
          testId="kpi-responses"
          label="Responses"
          value={figure.responses}
          sub={`${dashboard.responseRate === null ? "–" : `${Math.round(dashboard.responseRate * 100)}%`} of ${dashboard.sent} sent`}
        />
        <Kpi testId="kpi-promoters" label="Promoters (9–10)" value={figure.promoters} sub={percent(figure.promoters, figure.responses)} />
        <Kpi testId="kpi-passives" label="Passives (7–8)" value={figure.passives} sub={percent(figure.passives, figure.responses)} />
        <Kpi testId="kpi-detractors" label="Detractors (0–6)" value={figure.detractors} sub={percent(figure.detractors, figure.responses)} />
      </div>

      <div className="grid two">
        <section className="card">
          <h2 className="card-title">NPS by {filters.trend}</h2>
          <NpsTrendChart
            name={`NPS by ${filters.trend}`}
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
          <p className="hint">Shaded: 95% margin of error. Periods under {MIN_RESPONSES} responses are left out.</p>
        </section>
        <section className="card">
          <h2 className="card-title">Score distribution</h2>
          <DistributionChart name="Score distribution" distribution={dashboard.distribution} />
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">Promoters, passives and detractors by {filters.trend}</h2>
        <CategoryShareChart
          name={`Promoters, passives and detractors by ${filters.trend}`}
          points={dashboard.trend.map(({ period, figure: point }) => ({
            period,
            promoters: point.promoters,
            passives: point.passives,
            detractors: point.detractors,
          }))}
        />
      </section>

      <section className="card">
        <h2 className="card-title">Stores</h2>
        <Leaderboard
          testId="store-leaderboard"
          rows={dashboard.stores}
          label="Store"
          previousLabel={previousLabel}
          extra={[
            { header: "Region", cell: (row) => dashboard.stores.find((store) => store.key === row.key)?.region ?? "–" },
            {
              header: "Open / overdue",
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
          <h2 className="card-title">Regions</h2>
          <Leaderboard testId="region-leaderboard" rows={dashboard.regions} label="Region" previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">Channels</h2>
          <Leaderboard testId="channel-leaderboard" rows={dashboard.channels} label="Channel" previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">Customer segments</h2>
          <Leaderboard testId="segment-leaderboard" rows={dashboard.segments} label="Segment" previousLabel={previousLabel} />
        </section>
        <section className="card">
          <h2 className="card-title">Response rate by survey</h2>
          <ResponseRateTable rows={dashboard.surveys} label="Survey" />
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">Response rate by store</h2>
        <ResponseRateTable rows={dashboard.stores} label="Store" />
      </section>

      <h2>Closing the loop</h2>
      <FollowUpCards figures={dashboard.followUps} />
      <PromoterFunnelCard member={member} range={filters.range} />
      <p className="hint">
        ▲▼ significant change (95%); ≈ within the margin of error; – too few responses (under {MIN_RESPONSES}) to compare.
        Days are UTC.
      </p>
    </>
  );
}

function Kpi({ label, value, sub, testId }: { label: string; value: number; sub: string; testId: string }) {
  return (
    <div className="card kpi" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}
