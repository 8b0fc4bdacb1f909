import { addDays, differenceInCalendarDays, subDays } from "date-fns";
import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import type { Channel } from "../generated/prisma/enums";
import { getStore } from "../stores/stores";
import { getSurvey } from "../surveys/surveys";
import { NotFoundError, tenantOf, type Member } from "../tenancy/tenant";
import { daysWithData } from "./rollup";
import { utcDay, type DateRange } from "./date-range";
import type { AnalyticsQuery, TrendGrain } from "./schemas";

/** Whole UTC days: `from` inclusive, `to` exclusive. */

/** The filters of a view, checked against the member's tenant and stores. */
export type AnalyticsFilters = {
  query: AnalyticsQuery;
  range: DateRange;
  /** The equally long period just before, for "better or worse than before"; null for all time. */
  previous: DateRange | null;
  trend: TrendGrain;
  /** The tenant's first day with data up to the day after its last (null: none yet): where rollup rows can be. */
  daysWithData: DateRange | null;
  /** The stores the view is limited to (by role, region or store filter); null means every store and online. */
  storeIds: string[] | null;
  /** The region whose stores are exactly the view's (a region filter alone, by a member who sees every store). */
  regionId: string | null;
  channel: Channel | null;
  surveyId: string | null;
  segment: string | null;
};

/** The conditions of a view on its rows, apart from dates. */
export type ViewFilters = Pick<AnalyticsFilters, "storeIds" | "channel" | "surveyId" | "segment">;

const PERIOD_DAYS = { "30d": 30, "90d": 90, "365d": 365 } as const;
// Weekly points over more than about half a year are too many to read; longer ranges trend by month by default.
const WEEKLY_TREND_MAX_DAYS = 190;

/**
 * Turns the URL's filters into a view of the member's data. Ids of another tenant, or stores a store manager does
 * not manage, throw NotFoundError: the page answers "not found" without confirming they exist.
 */
export async function resolveFilters(member: Member, query: AnalyticsQuery, now = new Date()): Promise<AnalyticsFilters> {
  const [store, regionStoreIds, survey, withData] = await Promise.all([
    query.store ? getStore(member, query.store) : null,
    query.region ? storeIdsOfRegion(member, query.region) : null,
    query.survey ? getSurvey(tenantOf(member), query.survey) : null,
    daysWithData(tenantOf(member)),
  ]);
  const storeIds = intersect([member.storeIds, regionStoreIds, store ? [store.id] : null]);
  const range = dateRangeOf(query, withData, now);
  const days = differenceInCalendarDays(range.to, range.from);
  const isAllTime = !query.from && !query.to && query.period === "all";
  return {
    query,
    range,
    previous: isAllTime ? null : { from: subDays(range.from, days), to: range.from },
    trend: query.trend ?? (days <= WEEKLY_TREND_MAX_DAYS ? "week" : "month"),
    daysWithData: withData,
    storeIds,
    regionId: query.region && !query.store && member.storeIds === null ? query.region : null,
    channel: query.channel ?? null,
    surveyId: survey?.id ?? null,
    segment: query.segment ?? null,
  };
}

function dateRangeOf(query: AnalyticsQuery, withData: DateRange | null, now: Date): DateRange {
  const tomorrow = addDays(utcDay(now), 1);
  if (query.from || query.to) {
    const to = query.to ? addDays(new Date(`${query.to}T00:00:00Z`), 1) : tomorrow;
    const from = query.from ? new Date(`${query.from}T00:00:00Z`) : subDays(to, PERIOD_DAYS["90d"]);
    return { from, to };
  }
  const period = query.period ?? "90d";
  // Only where "all time" starts: the figures in it are still limited to the member's stores.
  if (period === "all") return { from: withData?.from ?? utcDay(now), to: tomorrow };
  return { from: subDays(tomorrow, PERIOD_DAYS[period]), to: tomorrow };
}

async function storeIdsOfRegion(member: Member, regionId: string): Promise<string[]> {
  const region = await readReplica().region.findFirst({
    where: { id: regionId, organizationId: member.organizationId },
    include: { stores: { select: { id: true } } },
  });
  if (!region) throw new NotFoundError("Region");
  return region.stores.map((store) => store.id);
}

function intersect(sets: (string[] | null)[]): string[] | null {
  const given = sets.filter((set): set is string[] => set !== null);
  if (given.length === 0) return null;
  return given.reduce((kept, set) => kept.filter((id) => set.includes(id)));
}

/**
 * The store, channel, survey and segment conditions as SQL on a table aliased `alias` that has those columns
 * (Response, SurveySend and FeedbackRollup all do). Starts with AND; empty when nothing is filtered.
 */
export function filterSql(filters: ViewFilters, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions: Prisma.Sql[] = [];
  if (filters.storeIds !== null) conditions.push(Prisma.sql`${column("storeId")} = ANY(${filters.storeIds}::text[])`);
  if (filters.channel) conditions.push(Prisma.sql`${column("channel")} = ${filters.channel}::"Channel"`);
  if (filters.surveyId) conditions.push(Prisma.sql`${column("surveyId")} = ${filters.surveyId}`);
  if (filters.segment) conditions.push(Prisma.sql`${column("segment")} = ${filters.segment}`);
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
