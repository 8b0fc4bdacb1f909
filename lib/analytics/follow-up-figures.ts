import { db, Prisma } from "../db";
import type { FollowUpOutcome } from "../generated/prisma/enums";
import type { Member } from "../tenancy/tenant";
import { filterSql, type AnalyticsFilters } from "./filters";
import { rollupRowsIn } from "./rollup";

// How fast and how well the loop is closed. Each definition exists twice, in TypeScript for one follow-up (the
// CSV export) and in SQL for the dashboard's aggregate; tests/integration/analytics/follow-up-figures.test.ts
// proves they agree.

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
};

/**
 * Follow-up figures of a view: from FollowUpRollup when the view is the whole tenant (only a date range), from the
 * follow-ups themselves when it is limited to stores, a channel, a survey or a segment (fewer rows).
 */
export async function getFollowUpFigures(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  const wholeTenant = filters.storeIds === null && !filters.channel && !filters.surveyId && !filters.segment;
  return wholeTenant ? followUpFiguresFromRollup(member, filters, now) : followUpFiguresFromRows(member, filters, now);
}

// "Not closed" is spelled as the statuses before it, so that the (organizationId, status, dueAt) index serves it.
export async function followUpFiguresFromRows(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  // Store and role limits are on the follow-up itself; channel, survey and segment live on its response.
  const needsResponse = Boolean(filters.channel || filters.surveyId || filters.segment);
  const from = needsResponse
    ? Prisma.sql`"FollowUp" f JOIN "Response" r ON r."id" = f."responseId" AND r."organizationId" = f."organizationId"`
    : Prisma.sql`"FollowUp" f`;
  const where = Prisma.sql`f."organizationId" = ${member.organizationId} ${filterSql(filters, needsResponse ? "r" : "f")}`;
  const [current, period] = await Promise.all([
    db.$queryRaw<{ open: number; overdue: number }[]>`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
        FROM ${from} WHERE ${where} AND f."status" IN ('open', 'contacted')`,
    db.$queryRaw<(Omit<FollowUpFigures, "open" | "overdue" | "outcomes"> & Record<FollowUpOutcome, number>)[]>`
      SELECT count(*)::int AS opened,
             count(f."contactedAt")::int AS contacted,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES_TO_FIRST_CONTACT}))::float8
               AS "medianMinutesToFirstContact",
             (count(*) FILTER (WHERE ${SLA_MET})::float8 / NULLIF(count(*) FILTER (WHERE ${slaDecided(now)}), 0)) AS "withinSla",
             count(*) FILTER (WHERE ${slaDecided(now)})::int AS "slaDecided",
             count(*) FILTER (WHERE f."outcome" = 'resolved')::int AS resolved,
             count(*) FILTER (WHERE f."outcome" = 'not_resolved')::int AS not_resolved,
             count(*) FILTER (WHERE f."outcome" = 'unreachable')::int AS unreachable
        FROM ${from}
       WHERE ${where} AND f."createdAt" >= ${filters.range.from} AND f."createdAt" < ${filters.range.to}`,
  ]);
  const { resolved, not_resolved, unreachable, ...figures } = period[0];
  return { ...current[0], ...figures, outcomes: { resolved, not_resolved, unreachable } };
}

export async function followUpFiguresFromRollup(member: Member, filters: AnalyticsFilters, now: Date): Promise<FollowUpFigures> {
  const tenant = Prisma.sql`f."organizationId" = ${member.organizationId}`;
  const recent = new Date(Math.max(filters.range.from.getTime(), now.getTime() - LONGEST_DUE_DAYS * 86_400_000));
  const [current, rows, pending] = await Promise.all([
    db.$queryRaw<{ open: number; overdue: number }[]>`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
        FROM "FollowUp" f WHERE ${tenant} AND f."status" IN ('open', 'contacted')`,
    db.$queryRaw<({ minutes: number; opened: number; slaMet: number } & Record<FollowUpOutcome, number>)[]>`
      SELECT r."minutesToFirstContact" AS minutes, sum(r."opened")::int AS opened, sum(r."slaMet")::int AS "slaMet",
             sum(r."resolved")::int AS resolved, sum(r."notResolved")::int AS not_resolved,
             sum(r."unreachable")::int AS unreachable
        FROM "FollowUpRollup" r
       WHERE r."organizationId" = ${member.organizationId} AND ${rollupRowsIn(filters.range)}
       GROUP BY 1 ORDER BY 1`,
    // Not contacted and not yet due: neither met nor missed. Only recent follow-ups can be, hence the bound.
    db.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM "FollowUp" f
       WHERE ${tenant} AND f."contactedAt" IS NULL AND f."dueAt" >= ${now}
         AND f."createdAt" >= ${recent} AND f."createdAt" < ${filters.range.to}`,
  ]);
  const total = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const opened = total((row) => row.opened);
  const contactTimes = rows.filter((row) => row.minutes >= 0);
  const contacted = contactTimes.reduce((sum, row) => sum + row.opened, 0);
  const decided = opened - (pending[0]?.pending ?? 0);
  return {
    ...current[0],
    opened,
    contacted,
    medianMinutesToFirstContact: median(contactTimes.map((row) => [row.minutes, row.opened])),
    withinSla: decided > 0 ? total((row) => row.slaMet) / decided : null,
    slaDecided: decided,
    outcomes: { resolved: total((row) => row.resolved), not_resolved: total((row) => row.not_resolved), unreachable: total((row) => row.unreachable) },
  };
}

/** The median of values given with their counts, ascending; between the two middle values when n is even. */
export function median(counts: [value: number, count: number][]): number | null {
  const n = counts.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const [value, count] of counts) {
      seen += count;
      if (position < seen) return value;
    }
    return counts[counts.length - 1][0];
  };
  return (valueAt(Math.floor((n - 1) / 2)) + valueAt(Math.ceil((n - 1) / 2))) / 2;
}

/** Open and overdue follow-ups per store now, for the store leaderboard. */
export async function openFollowUpsByStore(member: Member, filters: AnalyticsFilters, now: Date) {
  const rows = await db.$queryRaw<{ storeId: string; open: number; overdue: number }[]>`
    SELECT f."storeId", count(*)::int AS open, count(*) FILTER (WHERE f."status" = 'open' AND f."dueAt" < ${now})::int AS overdue
      FROM "FollowUp" f
     WHERE f."organizationId" = ${member.organizationId} AND f."status" IN ('open', 'contacted') AND f."storeId" IS NOT NULL
       ${filterSql({ ...filters, channel: null, surveyId: null, segment: null }, "f")}
     GROUP BY 1`;
  return new Map(rows.map((row) => [row.storeId, { open: row.open, overdue: row.overdue }]));
}
