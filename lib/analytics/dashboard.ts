import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { countsFromDistribution } from "../responses/nps";
import { listRegions, listStoreNames } from "../stores/stores";
import { listSurveys } from "../surveys/surveys";
import { tenantOf, type Member } from "../tenancy/tenant";
import { isoDay } from "./date-range";
import { filterSql, type AnalyticsFilters } from "./filters";
import { getFollowUpFigures, openFollowUpsByStore } from "./follow-up-figures";
import { npsDifference, npsFigure, npsFigureOfScores, type NpsDifference, type NpsFigure } from "./nps-figures";
import {
  COUNT_SUMS,
  countsOf,
  feedbackRollupOf,
  storeBoardRollupOf,
  tallyOf,
  trendRowsIn,
  weightedKeySums,
  weightedPeriodsOf,
  weightedTallySums,
  type CountRow,
  type FeedbackRollupTable,
  type Tally,
  type TallyRow,
} from "./rollup";

/** One line of a leaderboard: a store, region, channel, segment or survey in the selected period. */
export type BoardRow = {
  key: string;
  label: string;
  figure: NpsFigure;
  /** Change against the previous period; null when either period has too few responses (or all time). */
  change: NpsDifference | null;
  /** This row against everyone else in the view. */
  vsRest: NpsDifference | null;
  sent: number;
  /** Responses received per survey sent in the period; null when nothing was sent. */
  responseRate: number | null;
};

export type TrendPoint = { period: string; figure: NpsFigure };

const NO_SEGMENT = "No segment";
const CHANNEL_LABELS: Record<string, string> = { store: "In store", online: "Online" };

/**
 * Every figure of the dashboard for a view: NPS and response rates from the rollup, follow-up figures beside. Read
 * from the replica (lib/db/read-replica.ts), as are all of lib/analytics's figures: they may be a moment behind.
 */
export async function getDashboard(member: Member, filters: AnalyticsFilters, now = new Date()) {
  const [figures, followUps] = await Promise.all([getNpsFigures(member, filters, now), getFollowUpFigures(member, filters, now)]);
  return { ...figures, followUps };
}

/** NPS, distribution, trend, leaderboards and response rates of a view, from the rollup (never raw responses). */
export async function getNpsFigures(member: Member, filters: AnalyticsFilters, now = new Date()) {
  const [groups, tallies, trend, stores, regions, surveys, openByStore] = await Promise.all([
    breakdown(member, filters),
    storeTallies(member, filters),
    npsTrend(member, filters),
    listStoreNames(member, readReplica()),
    // Names for the leaderboards, whose rows are already limited to the member's stores.
    listRegions(tenantOf(member), readReplica()),
    listSurveys(tenantOf(member), readReplica()),
    openFollowUpsByStore(member, filters, now),
  ]);
  const total = groups.get("total|current");
  const previousTotal = groups.get("total|previous");
  const figure = npsFigureOfScores(total?.scores ?? emptyScores());
  const previousFigure = filters.previous ? npsFigureOfScores(previousTotal?.scores ?? emptyScores()) : null;

  const totalTally = tallyOfCounts(total) ?? NO_TALLY;
  const row = (dimension: string, key: string, label: string): BoardRow =>
    boardRow(key, label, tallyOfCounts(groups.get(`${dimension}:${key}|current`)), tallyOfCounts(groups.get(`${dimension}:${key}|previous`)), totalTally, filters);
  const keysOf = (dimension: string) =>
    [...groups.keys()].filter((key) => key.startsWith(`${dimension}:`) && key.endsWith("|current")).map((key) => key.slice(dimension.length + 1, -"|current".length));

  const inView = filters.storeIds && new Set(filters.storeIds);
  const visibleStores = stores.filter((store) => !inView || inView.has(store.id));
  const regionNames = new Map(regions.map((region) => [region.id, region.name]));
  // Assigned onto the board row rather than spread into a copy: thousands of stores per view.
  const storeRows = visibleStores.map((store) =>
    Object.assign(boardRow(store.id, store.name, tallies.get(store.id)?.current, tallies.get(store.id)?.previous, totalTally, filters), {
      regionId: store.regionId,
      region: (store.regionId && regionNames.get(store.regionId)) ?? null,
      openFollowUps: openByStore.get(store.id)?.open ?? 0,
      overdueFollowUps: openByStore.get(store.id)?.overdue ?? 0,
    }),
  );
  const regionRows = regions
    .map((region) => {
      const ofRegion = visibleStores.filter((store) => store.regionId === region.id).map((store) => tallies.get(store.id));
      const sum = (period: "current" | "previous") => sumTallies(ofRegion.map((tally) => tally?.[period]));
      return boardRow(region.id, region.name, sum("current"), sum("previous"), totalTally, filters);
    })
    .filter((region) => region.figure.responses > 0 || region.sent > 0);

  return {
    figure,
    previousFigure,
    change: previousFigure ? npsDifference(figure, previousFigure) : null,
    distribution: figure.responses ? (total?.scores ?? emptyScores()) : emptyScores(),
    sent: total?.sent ?? 0,
    responseRate: total?.sent ? figure.responses / total.sent : null,
    trend,
    stores: byNps(storeRows),
    regions: byNps(regionRows),
    channels: byNps(keysOf("channel").map((key) => row("channel", key, CHANNEL_LABELS[key] ?? key))),
    segments: byNps(keysOf("segment").map((key) => row("segment", key, key || NO_SEGMENT))),
    surveys: surveys
      .filter((survey) => groups.has(`survey:${survey.id}|current`))
      .map((survey) => row("survey", survey.id, survey.name)),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

type Counts = { scores: number[]; sent: number };

type Dimension = "channel" | "segment" | "survey";
const COLUMNS: Record<Dimension, string> = { channel: "channel", segment: "segment", survey: "surveyId" };

/**
 * Counts over the period and the one before it, in total and per channel, segment and survey: keys like
 * "total|current", "segment:<name>|previous". From the coarsest rollup that answers it (lib/analytics/rollup.ts):
 * the whole tenant's rows, or FeedbackRollup's rows per store and key in a view limited to stores.
 */
function breakdown(member: Member, filters: AnalyticsFilters): Promise<Map<string, Counts>> {
  return grouped(member, filters, { rollup: feedbackRollupOf(filters), where: filterSql(filters, "r") }, ["channel", "segment", "survey"]);
}

type StoreTally = { current: Tally; previous: Tally };

/**
 * Each store's tally over the period (range 0) and the one before it (range 1), one row per store: a leaderboard of
 * thousands of stores comes back as eight numbers a store, not two histograms.
 */
async function storeTallies(member: Member, filters: AnalyticsFilters): Promise<Map<string, StoreTally>> {
  const { rollup, where } = rowsPerStore(filters);
  const ranges = filters.previous ? [filters.range, filters.previous] : [filters.range];
  const rows = await readReplica().$queryRaw<(TallyRow & { storeId: string })[]>`
    SELECT r."storeId", ${weightedTallySums(0)}, ${weightedTallySums(1)}
      FROM ${Prisma.raw(`"${rollup}"`)} r
      JOIN ${weightedPeriodsOf(ranges, filters.daysWithData)} ON w."grain" = r."grain" AND w."periodStart" = r."periodStart"
     WHERE r."organizationId" = ${member.organizationId} ${where}
     GROUP BY 1`;
  return new Map(rows.map((row) => [row.storeId, { current: tallyOf(row, 0), previous: tallyOf(row, 1) }]));
}

/**
 * A row per store and period with the view's filters (lib/analytics/rollup.ts), limited to its stores: the store
 * leaderboard's rows, and the totals and trend of a view limited to stores.
 */
function rowsPerStore(filters: AnalyticsFilters): RollupRows {
  const board = storeBoardRollupOf(filters);
  if (board.rollup === "FeedbackRollup") return { rollup: board.rollup, where: filterSql(filters, "r") };
  const stores = filters.storeIds === null ? Prisma.empty : Prisma.sql`AND r."storeId" = ANY(${filters.storeIds}::text[])`;
  return { rollup: board.rollup, where: Prisma.sql`AND r."filter" = ${board.filter} AND r."value" = ${board.value} ${stores}` };
}

/** The trend's rows: the whole tenant's, or one per store and period in a view limited to stores. */
function trendRows(filters: AnalyticsFilters): RollupRows {
  if (filters.storeIds !== null) return rowsPerStore(filters);
  return { rollup: feedbackRollupOf(filters), where: filterSql(filters, "r") };
}

type RollupRows = { rollup: FeedbackRollupTable; where: Prisma.Sql };

/**
 * One scan of a rollup's rows over both periods, summed per key first, so the grouping sets run over a few rows. A
 * row may count in both periods with different weights (a month of one, less its days in the other), hence the
 * weights per period rather than a test on the row's date.
 */
async function grouped(member: Member, filters: AnalyticsFilters, rows: RollupRows, dimensions: Dimension[]) {
  const ranges = filters.previous ? [filters.range, filters.previous] : [filters.range];
  const periods = weightedPeriodsOf(ranges, filters.daysWithData);
  const columns = Prisma.raw(dimensions.map((dimension) => `r."${COLUMNS[dimension]}"`).join(", "));
  const keys = Prisma.raw(dimensions.map((dimension) => `r."${COLUMNS[dimension]}"::text`).join(", "));
  const sets = Prisma.raw(["(r.current)", ...dimensions.map((dimension) => `(r.current, r."${COLUMNS[dimension]}")`)].join(", "));
  const counted = await readReplica().$queryRaw<(CountRow & { current: boolean; dimension: number; key: string | null })[]>`
    SELECT r.current, GROUPING(${columns})::int AS dimension, COALESCE(${keys}) AS key, ${COUNT_SUMS}
      FROM (SELECT w."range" = 0 AS current, ${columns}, ${weightedKeySums(Prisma.sql`w."weight"`)}
              FROM ${Prisma.raw(`"${rows.rollup}"`)} r
              JOIN ${periods} ON w."grain" = r."grain" AND w."periodStart" = r."periodStart"
             WHERE r."organizationId" = ${member.organizationId} ${rows.where}
             GROUP BY 1, ${columns}) r
     GROUP BY GROUPING SETS (${sets})`;
  // GROUPING() sets a bit for every column a row is NOT grouped by, first column highest.
  const all = (1 << dimensions.length) - 1;
  const names = new Map<number, string>([
    [all, "total"],
    ...dimensions.map((dimension, i) => [all - (1 << (dimensions.length - 1 - i)), dimension] as const),
  ]);
  const groups = new Map<string, Counts>();
  for (const row of counted) {
    const dimension = names.get(row.dimension);
    const name = dimension === "total" ? "total" : `${dimension}:${row.key ?? ""}`;
    groups.set(`${name}|${row.current ? "current" : "previous"}`, countsOf(row));
  }
  return groups;
}

/** NPS per week or month of the period (weeks start on Monday, UTC). */
async function npsTrend(member: Member, filters: AnalyticsFilters): Promise<TrendPoint[]> {
  const { rollup, where } = trendRows(filters);
  const rows = await readReplica().$queryRaw<(CountRow & { period: Date })[]>`
    SELECT date_trunc(${filters.trend}, r."periodStart"::timestamp)::date AS period, ${COUNT_SUMS}
      FROM ${Prisma.raw(`"${rollup}"`)} r
     WHERE r."organizationId" = ${member.organizationId}
       AND ${trendRowsIn(filters.range, filters.trend)}
       ${where}
     GROUP BY 1 ORDER BY 1`;
  return rows
    .map((row) => ({ period: isoDay(row.period), figure: npsFigureOfScores(countsOf(row).scores) }))
    .filter((point) => point.figure.responses > 0);
}

function boardRow(
  key: string,
  label: string,
  current: Tally | undefined,
  previous: Tally | undefined,
  total: Tally,
  filters: AnalyticsFilters,
): BoardRow {
  const tally = current ?? NO_TALLY;
  const figure = npsFigure(tally);
  const rest = npsFigure({
    promoters: total.promoters - tally.promoters,
    passives: total.passives - tally.passives,
    detractors: total.detractors - tally.detractors,
  });
  return {
    key,
    label,
    figure,
    change: filters.previous ? npsDifference(figure, npsFigure(previous ?? NO_TALLY)) : null,
    vsRest: npsDifference(figure, rest),
    sent: tally.sent,
    responseRate: tally.sent > 0 ? figure.responses / tally.sent : null,
  };
}

const NO_TALLY: Tally = { promoters: 0, passives: 0, detractors: 0, sent: 0 };

function tallyOfCounts(counts: Counts | undefined): Tally | undefined {
  return counts && { ...countsFromDistribution(counts.scores), sent: counts.sent };
}

function sumTallies(tallies: (Tally | undefined)[]): Tally {
  const sum = { ...NO_TALLY };
  for (const tally of tallies) {
    if (!tally) continue;
    sum.promoters += tally.promoters;
    sum.passives += tally.passives;
    sum.detractors += tally.detractors;
    sum.sent += tally.sent;
  }
  return sum;
}

/** Highest NPS first; rows with too few responses last, by n. */
function byNps<T extends BoardRow>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.figure.tooFew !== b.figure.tooFew) return a.figure.tooFew ? 1 : -1;
    if (a.figure.tooFew) return b.figure.responses - a.figure.responses;
    return (b.figure.nps ?? 0) - (a.figure.nps ?? 0);
  });
}

function emptyScores(): number[] {
  return Array.from({ length: 11 }, () => 0);
}
