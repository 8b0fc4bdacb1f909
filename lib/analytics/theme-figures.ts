import { db, Prisma } from "../db";
import type { Member } from "../tenancy/tenant";
import { listThemes } from "../themes/themes";
import { filterSql, isoDay, type AnalyticsFilters } from "./filters";
import { npsDifference, npsFigure, type NpsDifference, type NpsFigure } from "./nps-figures";

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

type CategoryRow = { promoters: number; passives: number; detractors: number };

const CATEGORY_COUNTS = Prisma.sql`count(*) FILTER (WHERE r."category" = 'promoter')::int AS promoters,
  count(*) FILTER (WHERE r."category" = 'passive')::int AS passives,
  count(*) FILTER (WHERE r."category" = 'detractor')::int AS detractors`;

/** Mentions and NPS per theme in the view, against the previous period, and mentions per week or month. */
export async function getThemeFigures(member: Member, filters: AnalyticsFilters) {
  const since = filters.previous?.from ?? filters.range.from;
  const inView = Prisma.sql`r."organizationId" = ${member.organizationId}
    AND r."respondedAt" >= ${since} AND r."respondedAt" < ${filters.range.to} ${filterSql(filters, "r")}`;
  const current = Prisma.sql`r."respondedAt" >= ${filters.range.from}`;
  const [themes, byTheme, commented, trend] = await Promise.all([
    listThemes(member),
    db.$queryRaw<(CategoryRow & { themeId: string; current: boolean })[]>`
      SELECT t."themeId", ${current} AS current, ${CATEGORY_COUNTS}
        FROM "ResponseTheme" t JOIN "Response" r ON r."id" = t."responseId"
       WHERE t."organizationId" = ${member.organizationId} AND ${inView}
       GROUP BY 1, 2`,
    db.$queryRaw<{ comments: number }[]>`
      SELECT count(*)::int AS comments FROM "Response" r WHERE ${inView} AND ${current} AND r."comment" IS NOT NULL`,
    db.$queryRaw<{ themeId: string; period: Date; mentions: number }[]>`
      SELECT t."themeId", date_trunc(${filters.trend}, r."respondedAt")::date AS period, count(*)::int AS mentions
        FROM "ResponseTheme" t JOIN "Response" r ON r."id" = t."responseId"
       WHERE t."organizationId" = ${member.organizationId} AND ${inView} AND ${current}
       GROUP BY 1, 2 ORDER BY 2`,
  ]);
  const comments = commented[0]?.comments ?? 0;
  const figures: ThemeFigure[] = themes.map((theme) => {
    const now = byTheme.find((row) => row.themeId === theme.id && row.current);
    const before = byTheme.find((row) => row.themeId === theme.id && !row.current);
    const figure = npsFigure(now ?? { promoters: 0, passives: 0, detractors: 0 });
    const previous = filters.previous ? npsFigure(before ?? { promoters: 0, passives: 0, detractors: 0 }) : null;
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
  return {
    comments,
    themes: figures.sort((a, b) => b.figure.responses - a.figure.responses),
    trend: periods.map((period) => ({
      period,
      mentions: Object.fromEntries(
        themes.map((theme) => [theme.name, trend.find((row) => row.themeId === theme.id && isoDay(row.period) === period)?.mentions ?? 0]),
      ),
    })),
  };
}
