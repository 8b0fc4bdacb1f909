import { db, Prisma } from "../db";
import { countsFromDistribution, npsSummary, SCORES, type NpsSummary } from "../responses/nps";
import { countSends } from "../survey-sends/send-survey";
import { listStores } from "../stores/stores";
import type { Member } from "../tenancy/tenant";
import type { DateRange } from "./schemas";

export type WeeklyNps = NpsSummary & { week: string };
export type StoreRow = NpsSummary & {
  storeId: string;
  name: string;
  region: string | null;
  openFollowUps: number;
  overdueFollowUps: number;
};

/** Every figure of the CX dashboard for a date range, aggregated in SQL and scoped to the member's stores. */
export async function getDashboard(member: Member, range: DateRange, now = new Date()) {
  const responseWhere = {
    organizationId: member.organizationId,
    respondedAt: { gte: range.from, lt: range.to },
    ...(member.storeIds === null ? {} : { storeId: { in: member.storeIds } }),
  };
  const [byScore, weekly, byStore, followUps, stores, sent] = await Promise.all([
    db.response.groupBy({ by: ["score"], where: responseWhere, _count: { _all: true } }),
    weeklyNps(member, range),
    db.response.groupBy({ by: ["storeId", "category"], where: responseWhere, _count: { _all: true } }),
    followUpCountsByStore(member, now),
    listStores(member),
    countSends(member, range, member.storeIds),
  ]);

  const distribution = SCORES.map((score) => byScore.find((row) => row.score === score)?._count._all ?? 0);
  const summary = npsSummary(countsFromDistribution(distribution));
  const storeRows: StoreRow[] = stores.map((store) => {
    const count = (category: string) =>
      byStore.find((row) => row.storeId === store.id && row.category === category)?._count._all ?? 0;
    const counts = { promoters: count("promoter"), passives: count("passive"), detractors: count("detractor") };
    const followUp = followUps.get(store.id);
    return {
      storeId: store.id,
      name: store.name,
      region: store.region?.name ?? null,
      ...npsSummary(counts),
      openFollowUps: followUp?.open ?? 0,
      overdueFollowUps: followUp?.overdue ?? 0,
    };
  });
  return { summary, distribution, weekly, stores: storeRows, sent };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

async function weeklyNps(member: Member, range: DateRange): Promise<WeeklyNps[]> {
  const storeFilter =
    member.storeIds === null ? Prisma.empty : Prisma.sql`AND "storeId" = ANY(${member.storeIds}::text[])`;
  const rows = await db.$queryRaw<{ week: Date; promoters: number; passives: number; detractors: number }[]>`
    SELECT date_trunc('week', "respondedAt") AS week,
           COUNT(*) FILTER (WHERE category = 'promoter')::int AS promoters,
           COUNT(*) FILTER (WHERE category = 'passive')::int AS passives,
           COUNT(*) FILTER (WHERE category = 'detractor')::int AS detractors
      FROM "Response"
     WHERE "organizationId" = ${member.organizationId}
       AND "respondedAt" >= ${range.from} AND "respondedAt" < ${range.to}
       ${storeFilter}
     GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({ week: row.week.toISOString().slice(0, 10), ...npsSummary(row) }));
}

async function followUpCountsByStore(member: Member, now: Date) {
  const where = {
    organizationId: member.organizationId,
    status: { not: "closed" as const },
    ...(member.storeIds === null ? {} : { storeId: { in: member.storeIds } }),
  };
  const [open, overdue] = await Promise.all([
    db.followUp.groupBy({ by: ["storeId"], where, _count: { _all: true } }),
    // Overdue as in isOverdue(): still waiting for the first contact after its due time.
    db.followUp.groupBy({ by: ["storeId"], where: { ...where, status: "open", dueAt: { lt: now } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { open: number; overdue: number }>();
  for (const row of open) if (row.storeId) counts.set(row.storeId, { open: row._count._all, overdue: 0 });
  for (const row of overdue) {
    const entry = row.storeId ? counts.get(row.storeId) : undefined;
    if (entry) entry.overdue = row._count._all;
  }
  return counts;
}
