import { DistributionChart } from "@/components/dashboard/distribution-chart";
import { NpsFigure, percent } from "@/components/dashboard/nps-figure";
import { NpsTrendChart } from "@/components/dashboard/nps-trend-chart";
import { StoreTable } from "@/components/dashboard/store-table";
import { getDashboard } from "@/lib/analytics/dashboard";
import { dateRangeSchema } from "@/lib/analytics/schemas";
import { requireMember } from "@/lib/auth/session";
import { subDays } from "date-fns";

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

export default async function DashboardPage({ searchParams }: Props) {
  const member = await requireMember();
  const query = await searchParams;
  const parsed = dateRangeSchema.safeParse(query);
  const range = parsed.success ? parsed.data : dateRangeSchema.parse({});
  const { summary, distribution, weekly, stores, sent } = await getDashboard(member, range);
  const day = (date: Date) => date.toISOString().slice(0, 10);

  return (
    <>
      <h1>Dashboard</h1>
      <form className="filters card" method="get">
        <label>
          From
          <input type="date" name="from" defaultValue={day(range.from)} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={day(subDays(range.to, 1))} />
        </label>
        <button className="button" type="submit">
          Apply
        </button>
        {!parsed.success && <p className="field-error">{parsed.error.issues[0].message}; showing the last 90 days.</p>}
      </form>

      <div className="grid kpis">
        <div className="card kpi" data-testid="kpi-nps">
          <div className="label">NPS</div>
          <div className="value">
            <NpsFigure summary={summary} />
          </div>
          <div className="sub">95% margin of error, n = {summary.responses}</div>
        </div>
        <Kpi testId="kpi-responses" label="Responses" value={summary.responses} sub={`${percent(summary.responses, sent)} of ${sent} sent`} />
        <Kpi testId="kpi-promoters" label="Promoters (9–10)" value={summary.promoters} sub={percent(summary.promoters, summary.responses)} />
        <Kpi testId="kpi-passives" label="Passives (7–8)" value={summary.passives} sub={percent(summary.passives, summary.responses)} />
        <Kpi testId="kpi-detractors" label="Detractors (0–6)" value={summary.detractors} sub={percent(summary.detractors, summary.responses)} />
      </div>

      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>NPS by week</h2>
          <NpsTrendChart
            points={weekly.map((week) => ({
              week: week.week,
              nps: week.nps,
              responses: week.responses,
              low: week.nps === null || week.marginOfError === null ? null : Math.max(-100, week.nps - week.marginOfError),
              high: week.nps === null || week.marginOfError === null ? null : Math.min(100, week.nps + week.marginOfError),
            }))}
          />
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Score distribution</h2>
          <DistributionChart distribution={distribution} />
        </section>
      </div>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Stores</h2>
        <StoreTable stores={stores} />
      </section>
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
