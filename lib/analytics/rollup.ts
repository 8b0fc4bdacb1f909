import { addDays, addMonths } from "date-fns";
import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { SCORES } from "../responses/nps";
import type { Tenant } from "../tenancy/tenant";
import type { DateRange } from "./date-range";

// Reading the feedback rollups, which the database's triggers keep exact (migrations 20261123100000_analytics and
// 20261204110000_coarse_feedback_rollups). Three tables hold the same counts at three levels of detail:
//   TenantFeedbackRollup  the whole tenant, per survey, channel and segment: a few rows per period;
//   StoreFeedbackRollup   per store, every survey, channel and segment together, and per store for each channel,
//                         survey and segment alone (filter, value): one row per store and period for a leaderboard;
//   FeedbackRollup        per store, survey, channel and segment: the most rows, read only by views limited to stores.
// A reader takes the coarsest one that answers its question, and the range as the fewest periods (rollupRowsIn), so
// the rows a view reads grow with its stores and the periods in its range, never with everything below them.

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

export type Grain = "day" | "week" | "month";

/**
 * The rollup rows that cover a range exactly once, with as few rows as possible: whole months, then whole weeks
 * (from Monday) at the edges, then single days. Two years are then ~24 month rows per key instead of ~730 day rows.
 * Trends by week leave months out (weeks straddle months); trends by month leave weeks out for the same reason.
 */
export function rollupRowsIn(range: DateRange, grains: readonly Grain[] = ["month", "week", "day"], alias = "r"): Prisma.Sql {
  const grain = Prisma.raw(`${alias}."grain"`);
  const period = Prisma.raw(`${alias}."periodStart"`);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const parts = coveringPeriods(range.from, range.to, grains).map(
    (part) => Prisma.sql`(${grain} = ${Prisma.raw(`'${part.grain}'`)} AND ${period} >= ${day(part.from)}::date AND ${period} < ${day(part.to)}::date)`,
  );
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * Rollup rows for a trend by week or month, each row inside one bucket: weeks straddle months, so a monthly trend
 * uses weeks only at the edges of whole months, where they lie inside one month.
 */
export function trendRowsIn(range: DateRange, trend: "week" | "month", alias = "r"): Prisma.Sql {
  if (trend === "week") return rollupRowsIn(range, ["week", "day"], alias);
  const hasWholeMonth = coveringPeriods(range.from, range.to, ["month"]).some((part) => part.grain === "month");
  return rollupRowsIn(range, hasWholeMonth ? ["month", "week", "day"] : ["day"], alias);
}

type Part = { grain: Grain; from: Date; to: Date };

function coveringPeriods(from: Date, to: Date, grains: readonly Grain[]): Part[] {
  if (from >= to) return [];
  const [coarsest, ...finer] = grains;
  if (!coarsest || coarsest === "day") return [{ grain: "day", from, to }];
  const start = coarsest === "month" ? startOfUtcMonth : startOfUtcWeek;
  const next = coarsest === "month" ? (date: Date) => addMonths(date, 1) : (date: Date) => addDays(date, 7);
  const first = start(from).getTime() === from.getTime() ? from : next(start(from));
  const last = start(to);
  if (first >= last) return coveringPeriods(from, to, finer);
  return [...coveringPeriods(from, first, finer), { grain: coarsest, from: first, to: last }, ...coveringPeriods(last, to, finer)];
}

/** `sum(score0) AS s0, …, sum(sent) AS sent`: select list of the counts, read back by countsOf(). */
export const COUNT_SUMS = Prisma.raw(
  [...SCORES.map((score) => `sum(r."score${score}")::int AS s${score}`), `sum(r."sent")::int AS sent`].join(", "),
);

/** The same sums under the rollup's own column names, for an inner aggregate that COUNT_SUMS sums again. */
export const KEY_SUMS = Prisma.raw(
  [...SCORES.map((score) => `sum(r."score${score}")::int AS "score${score}"`), `sum(r."sent")::int AS "sent"`].join(", "),
);

export type CountRow = { sent: number } & Record<`s${number}`, number>;

/** The 0–10 histogram and surveys sent of a row selected with COUNT_SUMS. */
export function countsOf(row: CountRow | undefined): { scores: number[]; sent: number } {
  return { scores: SCORES.map((score) => row?.[`s${score}`] ?? 0), sent: row?.sent ?? 0 };
}

export async function firstDayWithData(tenant: Tenant): Promise<Date | null> {
  const rows = await readReplica().$queryRaw<{ first: Date | null }[]>`
    SELECT min("periodStart") AS first FROM "TenantFeedbackRollup"
     WHERE "organizationId" = ${tenant.organizationId} AND "grain" = 'day'`;
  return rows[0]?.first ?? null;
}

/** Segments seen in the tenant's surveys, for the segment filter. */
export async function listSegments(tenant: Tenant): Promise<string[]> {
  const rows = await readReplica().$queryRaw<{ segment: string }[]>`
    SELECT DISTINCT "segment" FROM "TenantFeedbackRollup"
     WHERE "organizationId" = ${tenant.organizationId} AND "grain" = 'month' AND "segment" <> ''
     ORDER BY 1`;
  return rows.map((row) => row.segment);
}

function startOfUtcMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

function startOfUtcWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}
