import { subDays } from "date-fns";
import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { getTheme } from "../themes/read-themes";
import { tenantOf, type Member } from "../tenancy/tenant";
import { filterSql, type AnalyticsFilters } from "./filters";
import type { CommentCursor, CommentQuery } from "./schemas";

export const COMMENTS_PER_PAGE = 25;

// A search of a word few wrote reads all its matches; of a common one, the newest month first (see listComments).
export const FEW_MATCHES = 500;
const SEARCH_WINDOW_DAYS = 30;

export type CommentRow = {
  id: string;
  respondedAt: Date;
  score: number;
  category: string;
  comment: string;
  channel: string;
  locale: string;
  segment: string | null;
  storeName: string | null;
  themes: string[];
};

type Page = Omit<CommentRow, "themes">[];

/**
 * What customers wrote, newest first, one page at a time: full-text search (word prefixes, any language), category
 * and theme on top of the view's filters. Reads raw responses: comments are the one figure a rollup cannot hold.
 *
 * A search runs in two steps. The planner cannot tell how many comments a prefix matches, so it always walks the
 * comments newest first and tests each: fast for a common word, but a word no one wrote made it read every comment
 * of all time (seconds at a million responses). So the newest month is searched that way, and only when it does not
 * fill the page are the older matches taken from the full-text index (all of them, then sorted): by then a match is
 * rarer than one in a week's comments per page, so there are few. A word with fewer than FEW_MATCHES matches in
 * the whole view skips the newest month's walk (for a word nobody wrote, every comment of the month): its matches
 * are all read through the index and sorted.
 */
export async function listComments(member: Member, filters: AnalyticsFilters, query: Omit<CommentQuery, "after"> & { after?: CommentCursor }) {
  // Themes are the whole tenant's (the comments themselves are limited to the member's stores below), and checked on
  // the primary: a theme created a moment ago is one to filter by at once.
  if (query.theme) await getTheme(tenantOf(member), query.theme);
  const search = searchQuery(query.q);
  const conditions = Prisma.sql`r."organizationId" = ${member.organizationId}
       AND r."comment" IS NOT NULL
       AND r."respondedAt" >= ${filters.range.from} AND r."respondedAt" < ${filters.range.to}
       ${filterSql(filters, "r")}
       ${search ? Prisma.sql`AND to_tsvector('simple'::regconfig, r."comment") @@ to_tsquery('simple'::regconfig, ${search})` : Prisma.empty}
       ${query.category ? Prisma.sql`AND r."category" = ${query.category}::"ResponseCategory"` : Prisma.empty}
       ${query.theme ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ResponseTheme" t WHERE t."responseId" = r."id" AND t."organizationId" = r."organizationId" AND t."themeId" = ${query.theme})` : Prisma.empty}
       ${query.after ? Prisma.sql`AND (r."respondedAt", r."id") < (${query.after.respondedAt}, ${query.after.id})` : Prisma.empty}`;
  const windowStart = subDays(query.after?.respondedAt ?? filters.range.to, SEARCH_WINDOW_DAYS);
  let rows: Page;
  if (!search || windowStart <= filters.range.from) rows = await newestFirst(conditions);
  else if ((await matchesUpTo(conditions, FEW_MATCHES)) < FEW_MATCHES) rows = await olderMatches(conditions);
  else {
    rows = await newestFirst(Prisma.sql`${conditions} AND r."respondedAt" >= ${windowStart}`);
    if (rows.length <= COMMENTS_PER_PAGE) rows = [...rows, ...(await olderMatches(Prisma.sql`${conditions} AND r."respondedAt" < ${windowStart}`))];
  }
  const page = rows.slice(0, COMMENTS_PER_PAGE);
  const tags = await readReplica().responseTheme.findMany({
    where: { organizationId: member.organizationId, responseId: { in: page.map((row) => row.id) } },
    select: { responseId: true, theme: { select: { name: true } } },
  });
  const comments: CommentRow[] = page.map((row) => ({
    ...row,
    themes: tags.filter((tag) => tag.responseId === row.id).map((tag) => tag.theme.name).sort(),
  }));
  const last = comments[comments.length - 1];
  return { comments, next: rows.length > COMMENTS_PER_PAGE && last ? { respondedAt: last.respondedAt, id: last.id } : null };
}

const COLUMNS = Prisma.sql`r."id", r."respondedAt", r."score", r."category"::text AS category, r."comment", r."channel"::text AS channel,
           r."locale", r."segment", s."name" AS "storeName"`;

function newestFirst(conditions: Prisma.Sql): Promise<Page> {
  return readReplica().$queryRaw<Page>`
    SELECT ${COLUMNS}
      FROM "Response" r
      LEFT JOIN "Store" s ON s."id" = r."storeId" AND s."organizationId" = r."organizationId"
     WHERE ${conditions}
     ORDER BY r."respondedAt" DESC, r."id" DESC
     LIMIT ${COMMENTS_PER_PAGE + 1}`;
}

/**
 * A query run with the full-text index as its only way in (a bitmap scan). The planner cannot estimate a prefix
 * query's matches, and with a guess of thousands it walks the tenant's responses by date instead, testing each.
 */
async function throughFullTextIndex<T>(query: Prisma.Sql): Promise<T[]> {
  const replica = readReplica();
  const [, , rows] = await replica.$transaction([
    replica.$executeRaw`SET LOCAL enable_seqscan = off`,
    replica.$executeRaw`SET LOCAL enable_indexscan = off`,
    replica.$queryRaw<T[]>(query),
  ]);
  return rows;
}

/**
 * How many comments match, counted through the full-text index and no further than `cap`: for a word few wrote that
 * is a few index pages, and for a common one the first heap pages hold `cap` matches.
 */
async function matchesUpTo(conditions: Prisma.Sql, cap: number): Promise<number> {
  const [counted] = await throughFullTextIndex<{ matches: number }>(
    Prisma.sql`SELECT count(*)::int AS matches FROM (SELECT 1 FROM "Response" r WHERE ${conditions} LIMIT ${cap}) r`,
  );
  return counted.matches;
}

/** The matches found through the full-text index, then sorted: few enough to read them all. */
function olderMatches(conditions: Prisma.Sql): Promise<Page> {
  return throughFullTextIndex<Page[number]>(Prisma.sql`
    SELECT ${COLUMNS}
      FROM "Response" r
      LEFT JOIN "Store" s ON s."id" = r."storeId" AND s."organizationId" = r."organizationId"
     WHERE ${conditions}
     ORDER BY r."respondedAt" DESC, r."id" DESC
     LIMIT ${COMMENTS_PER_PAGE + 1}`);
}

/** "wait queu" → "wait:* & queu:*": every word, as a prefix, must occur. Only letters and digits reach to_tsquery. */
export function searchQuery(text: string | undefined): string | null {
  const words = text?.toLocaleLowerCase("en").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 10).map((word) => `${word}:*`).join(" & ") : null;
}
