import { db } from "../db/client";
import { countsFromDistribution, npsSummary, type NpsSummary } from "../responses/nps";
import type { Tenant } from "../tenancy/tenant";
import { weekKey, weeksBefore, type Week } from "./digest-week";

export type WeekFigure = { weekKey: string; week: Week; summary: NpsSummary };

export type StoreDigest = {
  store: { id: string; name: string; timeZone: string };
  thisWeek: WeekFigure;
  /** The 4 weeks before, most recent first. */
  previousWeeks: WeekFigure[];
  comments: { id: string; score: number; category: string; comment: string; respondedAt: Date }[];
  followUps: { opened: number; closed: number; resolved: number; overdueNow: number; medianHoursToFirstContact: number | null };
};

/** Everything the weekly team meeting needs: NPS with n against the previous 4 weeks, the comments, the loop. */
export async function getStoreDigest(tenant: Tenant, storeId: string, week: Week, now = new Date()): Promise<StoreDigest | null> {
  const store = await db.store.findFirst({
    where: { id: storeId, organizationId: tenant.organizationId },
    select: { id: true, name: true, timeZone: true },
  });
  if (!store) return null;
  const where = { organizationId: tenant.organizationId, storeId };
  const weeks = [week, ...weeksBefore(week, 4, store.timeZone)];
  const [figures, comments, followUps] = await Promise.all([
    Promise.all(weeks.map((w) => weekFigure(where, w, store.timeZone))),
    db.response.findMany({
      where: { ...where, respondedAt: { gte: week.start, lt: week.end }, comment: { not: null } },
      select: { id: true, score: true, category: true, comment: true, respondedAt: true },
      // Praise first: the meeting starts with what went well.
      orderBy: [{ score: "desc" }, { respondedAt: "asc" }],
      take: 100,
    }),
    followUpFigures(tenant, storeId, week, now),
  ]);
  return {
    store,
    thisWeek: figures[0]!,
    previousWeeks: figures.slice(1),
    comments: comments.map((c) => ({ ...c, comment: c.comment ?? "" })),
    followUps,
  };
}

async function weekFigure(where: { organizationId: string; storeId: string }, week: Week, timeZone: string): Promise<WeekFigure> {
  const groups = await db.response.groupBy({
    by: ["score"],
    where: { ...where, respondedAt: { gte: week.start, lt: week.end } },
    _count: { _all: true },
  });
  const distribution = Array.from({ length: 11 }, (_, score) => groups.find((g) => g.score === score)?._count._all ?? 0);
  return { weekKey: weekKey(week, timeZone), week, summary: npsSummary(countsFromDistribution(distribution)) };
}

async function followUpFigures(tenant: Tenant, storeId: string, week: Week, now: Date) {
  const rows = await db.$queryRaw<{ opened: bigint; closed: bigint; resolved: bigint; overdue_now: bigint; median_seconds: number | null }[]>`
    SELECT COUNT(*) FILTER (WHERE "createdAt" >= ${week.start} AND "createdAt" < ${week.end}) AS opened,
           COUNT(*) FILTER (WHERE "closedAt" >= ${week.start} AND "closedAt" < ${week.end}) AS closed,
           COUNT(*) FILTER (WHERE "closedAt" >= ${week.start} AND "closedAt" < ${week.end} AND "outcome" = 'resolved') AS resolved,
           COUNT(*) FILTER (WHERE "status" = 'open' AND "dueAt" < ${now}) AS overdue_now,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("contactedAt" - "createdAt")))
             FILTER (WHERE "contactedAt" >= ${week.start} AND "contactedAt" < ${week.end}) AS median_seconds
      FROM "FollowUp"
     WHERE "organizationId" = ${tenant.organizationId} AND "storeId" = ${storeId}`;
  const row = rows[0]!;
  return {
    opened: Number(row.opened),
    closed: Number(row.closed),
    resolved: Number(row.resolved),
    overdueNow: Number(row.overdue_now),
    medianHoursToFirstContact: row.median_seconds === null ? null : Number(row.median_seconds) / 3600,
  };
}
