import { db, Prisma } from "../../lib/db/client";
import type { DateRange } from "../../lib/analytics/date-range";
import { filterSql, type AnalyticsFilters } from "../../lib/analytics/filters";
import { followUpFiguresFromRows, openFollowUpsByStore } from "../../lib/analytics/follow-up-figures";
import { themeFiguresOf, type ThemeCountRow, type ThemeTrendRow } from "../../lib/analytics/theme-figures";
import { listThemes } from "../../lib/themes/read-themes";
import { listRegions, listStores } from "../../lib/stores/stores";
import { listSurveys } from "../../lib/surveys/surveys";
import { tenantOf, type Member } from "../../lib/tenancy/tenant";

// The dashboard's figures computed the naive way, from raw Response, SurveySend, FollowUp and ResponseTheme rows:
// the baseline that bench:dashboard compares getDashboard() and getThemeFigures() with. Same groupings, same
// filters, same lists.

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
    listRegions(tenantOf(member)),
    listSurveys(tenantOf(member)),
    openFollowUpsByStore(member, filters, now),
  ]);
  return { responses, sends, trend };
}

const CATEGORY_COUNTS = Prisma.sql`count(*) FILTER (WHERE r."category" = 'promoter')::int AS promoters,
  count(*) FILTER (WHERE r."category" = 'passive')::int AS passives,
  count(*) FILTER (WHERE r."category" = 'detractor')::int AS detractors`;

/**
 * The theme figures the naive way, from raw comments and their tags (what the themes page did before
 * ThemeRollup): the baseline of bench:dashboard, and the recount tests compare getThemeFigures() with.
 */
export async function naiveThemeFigures(member: Member, filters: AnalyticsFilters) {
  const since = filters.previous?.from ?? filters.range.from;
  const inView = Prisma.sql`r."organizationId" = ${member.organizationId}
    AND r."respondedAt" >= ${since} AND r."respondedAt" < ${filters.range.to} ${filterSql(filters, "r")}`;
  const current = Prisma.sql`r."respondedAt" >= ${filters.range.from}`;
  const [themes, byTheme, commented, trend] = await Promise.all([
    listThemes(tenantOf(member)),
    db.$queryRaw<ThemeCountRow[]>`
      SELECT t."themeId", ${current} AS current, ${CATEGORY_COUNTS}
        FROM "ResponseTheme" t JOIN "Response" r ON r."id" = t."responseId"
       WHERE t."organizationId" = ${member.organizationId} AND ${inView}
       GROUP BY 1, 2`,
    db.$queryRaw<ThemeCountRow[]>`
      SELECT '' AS "themeId", true AS current, ${CATEGORY_COUNTS}
        FROM "Response" r WHERE ${inView} AND ${current} AND r."comment" IS NOT NULL`,
    db.$queryRaw<ThemeTrendRow[]>`
      SELECT t."themeId", date_trunc(${filters.trend}, r."respondedAt")::date AS period, ${CATEGORY_COUNTS}
        FROM "ResponseTheme" t JOIN "Response" r ON r."id" = t."responseId"
       WHERE t."organizationId" = ${member.organizationId} AND ${inView} AND ${current}
       GROUP BY 1, 2 ORDER BY 2`,
  ]);
  return themeFiguresOf(themes, filters, [...byTheme, ...commented], trend);
}

/** The whole dashboard the naive way: NPS figures and follow-up figures from raw rows. */
export async function naiveDashboard(member: Member, filters: AnalyticsFilters, now = new Date()) {
  const [figures, followUps] = await Promise.all([naiveNpsFigures(member, filters, now), followUpFiguresFromRows(member, filters, now)]);
  return { ...figures, followUps };
}
