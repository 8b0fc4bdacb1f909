import { db, Prisma } from "../../lib/db";
import { filterSql, type AnalyticsFilters, type DateRange } from "../../lib/analytics/filters";
import { openFollowUpsByStore } from "../../lib/analytics/follow-up-figures";
import { listRegions, listStores } from "../../lib/stores/stores";
import { listSurveys } from "../../lib/surveys/surveys";
import type { Member } from "../../lib/tenancy/tenant";

// The dashboard's figures computed the naive way, from raw Response and SurveySend rows: the baseline that
// bench:dashboard compares getNpsFigures() with. Same groupings, same filters, same lists.

const SCORE_COUNTS = Prisma.raw(
  Array.from({ length: 11 }, (_, score) => `count(*) FILTER (WHERE x."score" = ${score})::int AS s${score}`).join(", "),
);

const within = (column: string, range: DateRange) =>
  Prisma.sql`${Prisma.raw(column)} >= ${range.from} AND ${Prisma.raw(column)} < ${range.to}`;

function grouped(table: "Response" | "SurveySend", at: string, member: Member, filters: AnalyticsFilters) {
  const periods = filters.previous
    ? Prisma.sql`(${within(`x."${at}"`, filters.range)} OR ${within(`x."${at}"`, filters.previous)})`
    : within(`x."${at}"`, filters.range);
  const counts = table === "Response" ? SCORE_COUNTS : Prisma.sql`count(*)::int AS sent`;
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT x.current, GROUPING(x."storeId", x."channel", x."segment", x."surveyId")::int AS dimension,
           COALESCE(x."storeId", x."channel"::text, x."segment", x."surveyId") AS key, ${counts}
      FROM (SELECT x.*, ${Prisma.raw(`x."${at}"`)} >= ${filters.range.from} AS current
              FROM ${Prisma.raw(`"${table}"`)} x
             WHERE x."organizationId" = ${member.organizationId} AND ${periods} ${filterSql(filters, "x")}) x
     GROUP BY GROUPING SETS ((x.current), (x.current, x."storeId"), (x.current, x."channel"),
                             (x.current, x."segment"), (x.current, x."surveyId"))`;
}

export async function naiveNpsFigures(member: Member, filters: AnalyticsFilters, now = new Date()) {
  const [responses, sends, trend] = await Promise.all([
    grouped("Response", "respondedAt", member, filters),
    grouped("SurveySend", "sentAt", member, filters),
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT date_trunc(${filters.trend}, x."respondedAt")::date AS period, ${SCORE_COUNTS}
        FROM "Response" x
       WHERE x."organizationId" = ${member.organizationId} AND ${within(`x."respondedAt"`, filters.range)} ${filterSql(filters, "x")}
       GROUP BY 1 ORDER BY 1`,
    listStores(member),
    listRegions(member),
    listSurveys(member),
    openFollowUpsByStore(member, filters, now),
  ]);
  return { responses, sends, trend };
}
