import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import type { FollowUpOutcome } from "../generated/prisma/enums";
import type { Member } from "../tenancy/tenant";
import { filterSql, type AnalyticsFilters } from "./filters";
import { weightedPeriodsOf } from "./rollup";

// How fast and how well the loop is closed, and why customers were unhappy. Each definition exists in TypeScript
// for one follow-up (the CSV export), in SQL for the aggregate over follow-ups (filtered views) and in the rollups'
// triggers (whole-tenant views); tests/integration/analytics/follow-up-figures.test.ts and rollup.test.ts prove
// they agree.

export type SlaState = "met" | "missed" | "pending";

/**
 * Met: the customer was first contacted by the due time. Missed: contacted later, or still not contacted after
 * it (an unreachable customer was never contacted, so that counts as missed). Pending: not due yet.
 */
export function slaState(followUp: { contactedAt: Date | null; dueAt: Date }, now: Date): SlaState {
  if (followUp.contactedAt) return followUp.contactedAt <= followUp.dueAt ? "met" : "missed";
  return followUp.dueAt < now ? "missed" : "pending";
}

/** Whole minutes from opening to the first contact; null while nobody has reached the customer. */
export function minutesToFirstContact(followUp: { createdAt: Date; contactedAt: Date | null }): number | null {
  if (!followUp.contactedAt) return null;
  return Math.max(0, Math.floor((followUp.contactedAt.getTime() - followUp.createdAt.getTime()) / 60_000));
}

const SLA_MET = Prisma.sql`f."contactedAt" IS NOT NULL AND f."contactedAt" <= f."dueAt"`;
// NULL while not contacted (GREATEST alone would turn that into 0), so that percentile_cont skips it.
const MINUTES_TO_FIRST_CONTACT = Prisma.sql`CASE WHEN f."contactedAt" IS NOT NULL
  THEN GREATEST(0, floor(extract(epoch FROM f."contactedAt" - f."createdAt") / 60)) END`;
// Due times are at most 14 days after opening (the longest SLA); a month leaves room for business-hour shifts.
const LONGEST_DUE_DAYS = 30;
const slaDecided = (now: Date) => Prisma.sql`(f."contactedAt" IS NOT NULL OR f."dueAt" < ${now})`;

export type FollowUpFigures = {
  /** Now, whatever the period: not closed yet, and of those still waiting for a first contact past due. */
  open: number;
  overdue: number;
  /** Follow-ups opened in the period (one per detractor response). */
  opened: number;
  contacted: number;
  medianMinutesToFirstContact: number | null;
  /** Share of decided follow-ups (contacted, or past due) contacted in time; null when none is decided. */
  withinSla: number | null;
  slaDecided: number;
  outcomes: Record<FollowUpOutcome, number>;
  /** Follow-ups opened in the period per root cause, most frequent first; "Not recorded" (id null) last. */
  rootCauses: RootCauseCount[];
};

export type RootCauseCount = { rootCauseId: string | null; label: string; followUps: number };

export const NO_ROOT_CAUSE_LABEL = "Not recorded";

type CauseRow = { id: string; label: string; archived: boolean };

/**
 * Counts per root cause as the dashboard and the CSV show them: every cause still offered (0 included), archived
 * ones only while they count something, and the follow-ups without a cause as "Not recorded".
 */
export function rootCauseCounts(counts: { rootCauseId: string; followUps: number }[], causes: CauseRow[]): RootCauseCount[] {
  const countOf = (id: string) => counts.filter((row) => row.rootCauseId === id).reduce((sum, row) => sum + row.followUps, 0);
  const known = causes
    .map((cause) => ({ rootCauseId: cause.id, label: cause.label, followUps: countOf(cause.id), archived: cause.archived }))
    .filter((cause) => !cause.archived || cause.followUps > 0)
    .map(({ archived: _, ...cause }) => cause)
    .sort((a, b) => b.followUps - a.followUps || a.label.localeCompare(b.label, "en"));
  const unknown = counts.filter((row) => row.rootCauseId !== "" && !causes.some((cause) => cause.id === row.rootCauseId));
  const none = countOf("") + unknown.reduce((sum, row) => sum + row.followUps, 0);
  return none > 0 ? [...known, { rootCauseId: null, label: NO_ROOT_CAUSE_LABEL, followUps: none }] : known;
}

/**
 * Follow-up figures of a view: from the follow-up rollups when they count the view's follow-ups (the whole tenant, or
 * one channel, survey, segment or region of it), from the follow-ups themselves when it is limited to other sets of
 * stores or combines filters (fewer rows).
 */
export async function getFollowUpFigures(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  return followUpRollupFilterOf(filters) ? followUpFiguresFromRollup(member, filters, now) : followUpFiguresFromRows(member, filters, now);
}

/** The (filter, value) of the follow-up rollups' rows that count exactly a view's follow-ups; null when none do. */
type FollowUpRollupFilter = { filter: "" | "channel" | "survey" | "segment" | "region"; value: string };

function followUpRollupFilterOf(filters: AnalyticsFilters): FollowUpRollupFilter | null {
  if (filters.storeIds !== null && filters.regionId === null) return null;
  const given = [
    { filter: "channel", value: filters.channel },
    { filter: "survey", value: filters.surveyId },
    { filter: "segment", value: filters.segment },
    { filter: "region", value: filters.regionId },
  ].filter((entry): entry is FollowUpRollupFilter => Boolean(entry.value));
  if (given.length > 1) return null;
  return given[0] ?? { filter: "", value: "" };
}

/**
 * The follow-ups of a view, as conditions on FollowUp aliased f: a follow-up carries its store and its response's
 * channel, survey and segment (copied by a trigger), so no view joins the responses.
 */
const followUpsOf = (member: Member, filters: AnalyticsFilters) => Prisma.sql`f."organizationId" = ${member.organizationId} ${filterSql(filters, "f")}`;

const CAUSES = (member: Member) => Prisma.sql`
  (SELECT COALESCE(json_agg(json_build_object('id', c."id", 'label', c."label", 'archived', c."archivedAt" IS NOT NULL)), '[]'::json)
     FROM "RootCause" c WHERE c."organizationId" = ${member.organizationId})`;

// "Not closed" is spelled as the statuses before it, so that the (organizationId, status, dueAt) index serves it.
export async function followUpFiguresFromRows(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  const where = followUpsOf(member, filters);
  const inPeriod = Prisma.sql`${where} AND f."createdAt" >= ${filters.range.from} AND f."createdAt" < ${filters.range.to}`;
  const [current, period, causes] = await Promise.all([
    readReplica().$queryRaw<{ open: number; overdue: number }[]>`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
        FROM "FollowUp" f WHERE ${where} AND f."status" IN ('open', 'contacted')`,
    readReplica().$queryRaw<(Omit<FollowUpFigures, "open" | "overdue" | "outcomes" | "rootCauses"> & Record<FollowUpOutcome, number>)[]>`
      SELECT count(*)::int AS opened,
             count(f."contactedAt")::int AS contacted,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES_TO_FIRST_CONTACT}))::float8
               AS "medianMinutesToFirstContact",
             (count(*) FILTER (WHERE ${SLA_MET})::float8 / NULLIF(count(*) FILTER (WHERE ${slaDecided(now)}), 0)) AS "withinSla",
             count(*) FILTER (WHERE ${slaDecided(now)})::int AS "slaDecided",
             count(*) FILTER (WHERE f."outcome" = 'resolved')::int AS resolved,
             count(*) FILTER (WHERE f."outcome" = 'not_resolved')::int AS not_resolved,
             count(*) FILTER (WHERE f."outcome" = 'unreachable')::int AS unreachable
        FROM "FollowUp" f WHERE ${inPeriod}`,
    readReplica().$queryRaw<{ counts: { rootCauseId: string; followUps: number }[]; causes: CauseRow[] }[]>`
      SELECT (SELECT COALESCE(json_agg(json_build_object('rootCauseId', x.id, 'followUps', x.n)), '[]'::json)
                FROM (SELECT COALESCE(f."rootCauseId", '') AS id, count(*)::int AS n FROM "FollowUp" f WHERE ${inPeriod} GROUP BY 1) x) AS counts,
             ${CAUSES(member)} AS causes`,
  ]);
  const { resolved, not_resolved, unreachable, ...figures } = period[0];
  return {
    ...current[0],
    ...figures,
    outcomes: { resolved, not_resolved, unreachable },
    rootCauses: rootCauseCounts(causes[0].counts, causes[0].causes),
  };
}

type RollupFigures = {
  open: number;
  overdue: number;
  opened: number;
  contacted: number;
  lowerMiddle: number | null;
  upperMiddle: number | null;
  slaMet: number;
  pending: number;
  counts: { rootCauseId: string; followUps: number }[];
  causes: CauseRow[];
} & Record<FollowUpOutcome, number>;

/**
 * The follow-up figures of the whole tenant, or of one channel, survey, segment or region of it, in one statement.
 * FollowUpHourRollup gives the totals and, from its running total of contacted follow-ups, the hours holding the two
 * middle ones; FollowUpRollup (contacted follow-ups only) then gives the minutes of only those hours, for the exact
 * median (a few thousand rows at most, whatever the range). RootCauseRollup gives the follow-ups with a cause; the two
 * figures of now (open, overdue) and the follow-ups not yet decided come from FollowUp's indexes.
 */
export async function followUpFiguresFromRollup(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  const rollupFilter = followUpRollupFilterOf(filters);
  if (!rollupFilter) throw new Error("The follow-up rollups do not count a view limited to stores or with several filters");
  const ofView = followUpsOf(member, filters);
  const recent = new Date(Math.max(filters.range.from.getTime(), now.getTime() - LONGEST_DUE_DAYS * 86_400_000));
  const periods = weightedPeriodsOf([filters.range], filters.daysWithData);
  // A rollup's rows of the view with their weights (lib/analytics/rollup.ts): every sum below is sum(weight × count).
  const rowsOf = (rollup: string) => Prisma.sql`(SELECT r.*, w."weight" FROM ${Prisma.raw(`"${rollup}"`)} r
      JOIN ${periods} ON w."grain" = r."grain" AND w."periodStart" = r."periodStart"
     WHERE r."organizationId" = ${member.organizationId} AND r."filter" = ${rollupFilter.filter} AND r."value" = ${rollupFilter.value}
) r`;
  const rows = await readReplica().$queryRaw<RollupFigures[]>`
    WITH hours AS (
      SELECT r."hoursToFirstContact" AS hour, sum(r.weight * r."opened") AS opened, sum(r.weight * r."slaMet") AS "slaMet",
             sum(r.weight * r."resolved") AS resolved, sum(r.weight * r."notResolved") AS not_resolved,
             sum(r.weight * r."unreachable") AS unreachable
        FROM ${rowsOf("FollowUpHourRollup")}
       GROUP BY 1
    ), contacted AS (
      SELECT hour, opened, sum(opened) OVER (ORDER BY hour) AS upto FROM hours WHERE hour >= 0
    ), middle AS (
      -- The two middle positions (0-based) among the contacted, equal when their number is odd, and their hours.
      SELECT p.lower, p.upper,
             (SELECT min(hour) FROM contacted WHERE upto > p.lower) AS "lowerHour",
             (SELECT min(hour) FROM contacted WHERE upto > p.upper) AS "upperHour",
             (SELECT COALESCE(sum(opened), 0) FROM contacted
               WHERE hour < (SELECT min(hour) FROM contacted WHERE upto > p.lower)) AS before
        FROM (SELECT floor((sum(opened) - 1) / 2) AS lower, ceil((sum(opened) - 1) / 2) AS upper FROM contacted) p
    ), minutes AS (
      SELECT r."minutesToFirstContact" AS minutes, sum(r.weight * r."opened") AS opened
        FROM ${rowsOf("FollowUpRollup")}
       WHERE r."minutesToFirstContact" >= (SELECT "lowerHour" * 60 FROM middle)
         AND r."minutesToFirstContact" < (SELECT ("upperHour" + 1) * 60 FROM middle)
       GROUP BY 1
    ), cumulative AS (
      SELECT minutes, (SELECT before FROM middle) + sum(opened) OVER (ORDER BY minutes) AS upto FROM minutes
    )
    SELECT o.open, o.overdue,
           COALESCE((SELECT sum(opened) FROM hours), 0)::int AS opened,
           COALESCE((SELECT sum(opened) FROM contacted), 0)::int AS contacted,
           (SELECT min(minutes) FROM cumulative WHERE upto > (SELECT lower FROM middle))::int AS "lowerMiddle",
           (SELECT min(minutes) FROM cumulative WHERE upto > (SELECT upper FROM middle))::int AS "upperMiddle",
           COALESCE((SELECT sum("slaMet") FROM hours), 0)::int AS "slaMet",
           COALESCE((SELECT sum(resolved) FROM hours), 0)::int AS resolved,
           COALESCE((SELECT sum(not_resolved) FROM hours), 0)::int AS not_resolved,
           COALESCE((SELECT sum(unreachable) FROM hours), 0)::int AS unreachable,
           -- Not contacted and not yet due: neither met nor missed. Only recent follow-ups can be, hence the bound.
           (SELECT count(*) FROM "FollowUp" f
             WHERE ${ofView} AND f."contactedAt" IS NULL AND f."dueAt" >= ${now}
               AND f."createdAt" >= ${recent} AND f."createdAt" < ${filters.range.to})::int AS pending,
           (SELECT COALESCE(json_agg(json_build_object('rootCauseId', x."rootCauseId", 'followUps', x.n)), '[]'::json)
              FROM (SELECT r."rootCauseId", sum(r.weight * r."followUps")::int AS n FROM ${rowsOf("RootCauseRollup")} GROUP BY 1) x) AS counts,
           ${CAUSES(member)} AS causes
      FROM (SELECT count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
              FROM "FollowUp" f WHERE ${ofView} AND f."status" IN ('open', 'contacted')) o`;
  const row = rows[0];
  const decided = row.opened - row.pending;
  return {
    open: row.open,
    overdue: row.overdue,
    opened: row.opened,
    contacted: row.contacted,
    medianMinutesToFirstContact: row.lowerMiddle === null || row.upperMiddle === null ? null : (row.lowerMiddle + row.upperMiddle) / 2,
    withinSla: decided > 0 ? row.slaMet / decided : null,
    slaDecided: decided,
    outcomes: { resolved: row.resolved, not_resolved: row.not_resolved, unreachable: row.unreachable },
    rootCauses: rootCauseCounts(withNotRecorded(row.counts, row.opened), row.causes),
  };
}

/** RootCauseRollup counts only follow-ups with a cause: the others are those opened less the counted. */
function withNotRecorded(counts: { rootCauseId: string; followUps: number }[], opened: number) {
  const recorded = counts.reduce((sum, row) => sum + row.followUps, 0);
  return [...counts, { rootCauseId: "", followUps: opened - recorded }];
}

/** Open and overdue follow-ups per store now, for the store leaderboard: of the view's channel, survey and segment too. */
export async function openFollowUpsByStore(member: Member, filters: AnalyticsFilters, now: Date) {
  const where = followUpsOf(member, filters);
  const rows = await readReplica().$queryRaw<{ storeId: string; open: number; overdue: number }[]>`
    SELECT f."storeId", count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
      FROM "FollowUp" f
     WHERE ${where} AND f."status" IN ('open', 'contacted') AND f."storeId" IS NOT NULL
     GROUP BY 1`;
  return new Map(rows.map((row) => [row.storeId, { open: row.open, overdue: row.overdue }]));
}
