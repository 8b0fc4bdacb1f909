import { db, Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { tenantOf, type Member } from "../tenancy/tenant";
import { listThemes } from "../themes/read-themes";
import { isoDay } from "./date-range";
import { filterSql, type AnalyticsFilters } from "./filters";
import { npsDifference, npsFigure, type NpsDifference, type NpsFigure } from "./nps-figures";
import { rollupRowsIn, trendRowsIn } from "./rollup";

export type ThemeFigure = {
  id: string;
  name: string;
  /** NPS of the responses whose comment mentions the theme. */
  figure: NpsFigure;
  /** Share of the period's comments that mention it. */
  share: number | null;
  previousMentions: number | null;
  change: NpsDifference | null;
};

export type ThemeTrendPoint = {
  period: string;
  /** Mentions per theme name in the week or month. */
  mentions: Record<string, number>;
  /** NPS of the responses mentioning each theme in the week or month. */
  figures: Record<string, NpsFigure>;
};

type CategoryRow = { promoters: number; passives: number; detractors: number };

/** ThemeRollup's themeId for "any comment": the count of commented responses, for the share of comments. */
export const ALL_COMMENTS = "";
/** ThemeRollup's storeId for "all stores and online": views not limited to stores read these rows only. */
export const ALL_STORES = "*";

const CATEGORY_SUMS = Prisma.sql`sum(r."promoters")::int AS promoters, sum(r."passives")::int AS passives,
  sum(r."detractors")::int AS detractors`;

/**
 * The ThemeRollup rows of a view: the "*" rows when it is not limited to stores (a few per period), else the
 * rows of its stores; channel, survey and segment as for FeedbackRollup.
 */
export function themeRowsOf(member: Member, filters: AnalyticsFilters): Prisma.Sql {
  const stores = filters.storeIds === null ? Prisma.sql`r."storeId" = ${ALL_STORES}` : Prisma.sql`r."storeId" = ANY(${filters.storeIds}::text[])`;
  return Prisma.sql`r."organizationId" = ${member.organizationId} AND ${stores} ${filterSql({ ...filters, storeIds: null }, "r")}`;
}

/**
 * Mentions and NPS per theme in the view, against the previous period, and mentions and NPS per week or month:
 * all from ThemeRollup, which triggers keep exact (never from raw comments).
 */
export async function getThemeFigures(member: Member, filters: AnalyticsFilters) {
  const inView = themeRowsOf(member, filters);
  const bothPeriods = filters.previous
    ? Prisma.sql`(${rollupRowsIn(filters.range)} OR ${rollupRowsIn(filters.previous)})`
    : rollupRowsIn(filters.range);
  const [themes, byTheme, trend] = await Promise.all([
    // The themes themselves from the primary: this page is where they are edited, and must show the edit it follows.
    listThemes(tenantOf(member), db),
    readReplica().$queryRaw<ThemeCountRow[]>`
      SELECT r."themeId", r."periodStart" >= ${isoDay(filters.range.from)}::date AS current, ${CATEGORY_SUMS}
        FROM "ThemeRollup" r
       WHERE ${inView} AND ${bothPeriods}
       GROUP BY 1, 2`,
    readReplica().$queryRaw<ThemeTrendRow[]>`
      SELECT r."themeId", date_trunc(${filters.trend}, r."periodStart"::timestamp)::date AS period, ${CATEGORY_SUMS}
        FROM "ThemeRollup" r
       WHERE ${inView} AND ${trendRowsIn(filters.range, filters.trend)} AND r."themeId" <> ${ALL_COMMENTS}
       GROUP BY 1, 2 ORDER BY 2`,
  ]);
  return themeFiguresOf(themes, filters, byTheme, trend);
}

export type ThemeCountRow = CategoryRow & { themeId: string; current: boolean };
export type ThemeTrendRow = CategoryRow & { themeId: string; period: Date };

/**
 * The theme figures from counts per theme and period (themeId "" for all comments) and per theme and trend
 * bucket, wherever the counts came from: the one definition of share, change and trend.
 */
export function themeFiguresOf(themes: { id: string; name: string }[], filters: AnalyticsFilters, byTheme: ThemeCountRow[], trend: ThemeTrendRow[]) {
  const empty = { promoters: 0, passives: 0, detractors: 0 };
  const counts = (themeId: string, current: boolean) => byTheme.find((row) => row.themeId === themeId && row.current === current) ?? empty;
  const comments = npsFigure(counts(ALL_COMMENTS, true)).responses;
  const figures: ThemeFigure[] = themes.map((theme) => {
    const figure = npsFigure(counts(theme.id, true));
    const previous = filters.previous ? npsFigure(counts(theme.id, false)) : null;
    return {
      id: theme.id,
      name: theme.name,
      figure,
      share: comments ? figure.responses / comments : null,
      previousMentions: previous?.responses ?? null,
      change: previous ? npsDifference(figure, previous) : null,
    };
  });
  const periods = [...new Set(trend.map((row) => isoDay(row.period)))].sort();
  const trendPoints: ThemeTrendPoint[] = periods.map((period) => {
    const of = (themeId: string) => npsFigure(trend.find((row) => row.themeId === themeId && isoDay(row.period) === period) ?? empty);
    const byName = themes.map((theme) => [theme.name, of(theme.id)] as const);
    return {
      period,
      mentions: Object.fromEntries(byName.map(([name, figure]) => [name, figure.responses])),
      figures: Object.fromEntries(byName),
    };
  });
  return { comments, themes: figures.sort((a, b) => b.figure.responses - a.figure.responses || a.name.localeCompare(b.name, "en")), trend: trendPoints };
}

export type ThemeFigures = Awaited<ReturnType<typeof getThemeFigures>>;
