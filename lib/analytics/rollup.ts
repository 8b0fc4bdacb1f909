import { addDays } from "date-fns";
import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { categoryOf, SCORES, type CategoryCounts } from "../responses/nps";
import type { Tenant } from "../tenancy/tenant";
import { isoDay, type DateRange } from "./date-range";
import { periodsInside, periodsOfRange, type Grain, type PeriodRun } from "./period-cover";

// Reading the feedback rollups, which the database's triggers keep exact (migrations 20261123100000_analytics and
// 20261204110000_coarse_feedback_rollups). Three tables hold the same counts at three levels of detail:
//   TenantFeedbackRollup  the whole tenant, per survey, channel and segment: a few rows per period;
//   StoreFeedbackRollup   per store, every survey, channel and segment together, and per store for each channel,
//                         survey and segment alone (filter, value): one row per store and period for a leaderboard,
//                         and for the trend of a view limited to stores;
//   FeedbackRollup        per store, survey, channel and segment: the most rows, read only by views limited to stores
//                         (for their totals and breakdowns) and by combinations of filters.
// Each keeps a row per key and day, week, month and year (migration 20261207110000_year_rollups). A reader takes the
// coarsest table that answers its question, and the range as the fewest periods with data (weightedPeriodsOf), so the
// rows a view reads grow with its stores and a few periods, never with everything below them or its length.

export type FeedbackRollupTable = "TenantFeedbackRollup" | "StoreFeedbackRollup" | "FeedbackRollup";

/** What decides the rollup a view reads: the stores it is limited to (null: none) and its other filters. */
type ViewScope = { storeIds: string[] | null; channel: string | null; surveyId: string | null; segment: string | null };

/** The rollup for a view's totals, breakdowns and trend: the whole tenant's rows unless it is limited to stores. */
export function feedbackRollupOf(filters: ViewScope): FeedbackRollupTable {
  return filters.storeIds === null ? "TenantFeedbackRollup" : "FeedbackRollup";
}

/**
 * The rows of the store leaderboard of a view not limited to stores: the per-store rows for everything, or for its
 * one channel, survey or segment filter (filter, value); FeedbackRollup's rows for a combination of them.
 */
export function storeBoardRollupOf(filters: ViewScope): { rollup: "StoreFeedbackRollup"; filter: string; value: string } | { rollup: "FeedbackRollup" } {
  const applied: [string, string][] = [];
  if (filters.channel) applied.push(["channel", filters.channel]);
  if (filters.surveyId) applied.push(["survey", filters.surveyId]);
  if (filters.segment) applied.push(["segment", filters.segment]);
  if (applied.length > 1) return { rollup: "FeedbackRollup" };
  const [filter, value] = applied[0] ?? ["", ""];
  return { rollup: "StoreFeedbackRollup", filter, value };
}

/**
 * The rollup rows that cover a range exactly once, all counted as they are: whole months, then whole weeks (from
 * Monday) at the edges, then single days. For trends, whose rows must each lie inside one bucket; totals read the
 * fewer rows of weightedPeriodsOf.
 */
export function rollupRowsIn(range: DateRange, grains: readonly Grain[] = ["month", "week", "day"], alias = "r"): Prisma.Sql {
  return periodsSql(periodsInside(range, grains), alias);
}

/**
 * Rollup rows for a trend by week or month, each row inside one bucket: weeks straddle months, so a monthly trend
 * uses weeks only at the edges of whole months, where they lie inside one month.
 */
export function trendRowsIn(range: DateRange, trend: "week" | "month", alias = "r"): Prisma.Sql {
  if (trend === "week") return rollupRowsIn(range, ["week", "day"], alias);
  const hasWholeMonth = periodsInside(range, ["month"]).some((part) => part.grain === "month");
  return rollupRowsIn(range, hasWholeMonth ? ["month", "week", "day"] : ["day"], alias);
}

/**
 * The rollup rows of one or more ranges read as signed periods (lib/analytics/period-cover.ts: five years are five
 * year rows, the 90 days to today four months less a few days), as a table (grain, "periodStart", range, weight) to
 * join a rollup to on grain and "periodStart": a row counts `weight` times in the range numbered `range` (its place
 * in `ranges`), for `sum(weight × count)`. The join also picks the rows: one primary-key probe per period. (A CASE
 * per row, testing it against every period, took six times as long for a store leaderboard.)
 */
export function weightedPeriodsOf(ranges: DateRange[], dataDays: DateRange | null): Prisma.Sql {
  // Generated dates and numbers only, so written into the statement rather than sent as hundreds of parameters.
  const entries = ranges.flatMap((range, index) =>
    periodsOfRange(range, dataDays).map(
      (period) => `('${period.grain}'::"RollupGrain", DATE '${isoDay(period.start)}', ${index}, ${period.weight})`,
    ),
  );
  const columns = `w("grain", "periodStart", "range", "weight")`;
  return Prisma.raw(entries.length ? `(VALUES ${entries.join(", ")}) AS ${columns}` : `(SELECT NULL::"RollupGrain", NULL::date, 0, 0 WHERE false) AS ${columns}`);
}

function periodsSql(parts: PeriodRun[], alias: string): Prisma.Sql {
  const grain = Prisma.raw(`${alias}."grain"`);
  const period = Prisma.raw(`${alias}."periodStart"`);
  const conditions = parts.map(
    (part) =>
      Prisma.sql`(${grain} = ${Prisma.raw(`'${part.grain}'`)} AND ${period} >= ${isoDay(part.from)}::date AND ${period} < ${isoDay(part.to)}::date)`,
  );
  return conditions.length ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : Prisma.sql`FALSE`;
}

/** `sum(score0) AS s0, …, sum(sent) AS sent`: select list of the counts, read back by countsOf(). */
export const COUNT_SUMS = Prisma.raw(
  [...SCORES.map((score) => `sum(r."score${score}")::int AS s${score}`), `sum(r."sent")::int AS sent`].join(", "),
);

/**
 * The same sums, each row times its weight (weightedPeriodsOf), under the rollup's own column names, for an inner
 * aggregate that COUNT_SUMS sums again.
 */
export function weightedKeySums(weight: Prisma.Sql): Prisma.Sql {
  const sumOf = (column: string) => Prisma.sql`sum(${weight} * r."${Prisma.raw(column)}")::int AS "${Prisma.raw(column)}"`;
  return Prisma.join([...SCORES.map((score) => sumOf(`score${score}`)), sumOf("sent")], ", ");
}

/** Promoters, passives, detractors and surveys sent: what a leaderboard line shows. */
export type Tally = CategoryCounts & { sent: number };

const TALLY_COLUMNS: Record<keyof Tally, string> = {
  promoters: scoreColumnsOf("promoter"),
  passives: scoreColumnsOf("passive"),
  detractors: scoreColumnsOf("detractor"),
  sent: `r."sent"`,
};

function scoreColumnsOf(category: ReturnType<typeof categoryOf>): string {
  return SCORES.filter((score) => categoryOf(score) === category)
    .map((score) => `r."score${score}"`)
    .join(" + ");
}

/**
 * A tally of the rows joined to weightedPeriodsOf's range number `range`, as columns "promoters0", "sent0" …, read
 * back by tallyOf(): four sums per range instead of twelve, for leaderboards of thousands of stores.
 */
export function weightedTallySums(range: number): Prisma.Sql {
  return Prisma.raw(
    Object.entries(TALLY_COLUMNS)
      .map(([name, columns]) => `COALESCE(sum(w."weight" * (${columns})) FILTER (WHERE w."range" = ${range}), 0)::int AS "${name}${range}"`)
      .join(", "),
  );
}

export type TallyRow = Record<`${keyof Tally}${number}`, number>;

export function tallyOf(row: TallyRow, range: number): Tally {
  return { promoters: row[`promoters${range}`], passives: row[`passives${range}`], detractors: row[`detractors${range}`], sent: row[`sent${range}`] };
}

export type CountRow = { sent: number } & Record<`s${number}`, number>;

/** The 0–10 histogram and surveys sent of a row selected with COUNT_SUMS. */
export function countsOf(row: CountRow | undefined): { scores: number[]; sent: number } {
  return { scores: SCORES.map((score) => row?.[`s${score}`] ?? 0), sent: row?.sent ?? 0 };
}

/** The tenant's first day with data up to the day after its last; null before its first survey is sent. */
export async function daysWithData(tenant: Tenant): Promise<DateRange | null> {
  const rows = await readReplica().$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min("periodStart") AS first, max("periodStart") AS last FROM "TenantFeedbackRollup"
     WHERE "organizationId" = ${tenant.organizationId} AND "grain" = 'day'`;
  const { first, last } = rows[0] ?? {};
  return first && last ? { from: first, to: addDays(last, 1) } : null;
}

/** Segments seen in the tenant's surveys, for the segment filter. */
export async function listSegments(tenant: Tenant): Promise<string[]> {
  const rows = await readReplica().$queryRaw<{ segment: string }[]>`
    SELECT DISTINCT "segment" FROM "TenantFeedbackRollup"
     WHERE "organizationId" = ${tenant.organizationId} AND "grain" = 'month' AND "segment" <> ''
     ORDER BY 1`;
  return rows.map((row) => row.segment);
}
