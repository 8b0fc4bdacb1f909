import { CommentList } from "@/components/analytics/comment-list";
import { FilterBar } from "@/components/analytics/filter-bar";
import { listComments } from "@/lib/analytics/comments";
import { commentQuerySchema, encodeCursor, queryString, type CommentQuery } from "@/lib/analytics/schemas";
import { loadAnalyticsView, type SearchParams } from "@/lib/analytics/view";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { tenantOf } from "@/lib/tenancy/tenant";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listThemes } from "@/lib/themes/read-themes";

type Props = { searchParams: Promise<SearchParams> };

export default async function CommentsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/comments"]);
  const params = await searchParams;
  const view = await loadAnalyticsView(member, params).catch(notFoundOnForeignId);
  const parsed = commentQuerySchema.safeParse(params);
  const comments: CommentQuery = parsed.success ? parsed.data : {};
  const [page, themes] = await Promise.all([
    listComments(member, view.filters, comments).catch(notFoundOnForeignId),
    listThemes(tenantOf(member)),
  ]);
  const own = { q: comments.q, category: comments.category, theme: comments.theme };
  const error = view.error ?? (parsed.success ? undefined : parsed.error.issues[0].message);

  return (
    <>
      <div className="page-head">
        <h1>Comments</h1>
        <div className="actions">
          <a className="button secondary" href={`/dashboard${queryString(view.query)}`}>Dashboard</a>
          <a className="button secondary" href={`/exports/responses.csv${queryString(view.query)}`} download>
            Export responses (CSV)
          </a>
        </div>
      </div>
      <FilterBar query={view.query} range={view.filters.range} options={view.options} error={error} keep={own} showTrend={false} />
      <form className="filters card" method="get" role="search">
        {Object.entries(view.query).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
        <label>
          Search
          <input type="search" name="q" defaultValue={comments.q ?? ""} placeholder="e.g. queue, Kasse, wacht" />
        </label>
        <label>
          Category
          <select name="category" defaultValue={comments.category ?? ""}>
            <option value="">All</option>
            <option value="detractor">Detractors (0–6)</option>
            <option value="passive">Passives (7–8)</option>
            <option value="promoter">Promoters (9–10)</option>
          </select>
        </label>
        <label>
          Theme
          <select name="theme" defaultValue={comments.theme ?? ""}>
            <option value="">All themes</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <section className="card">
        <p className="hint">Newest first. Search finds words starting with what you type, in any language.</p>
        <CommentList comments={page.comments} />
        <div className="pager">
          {comments.after && <a href={`/comments${queryString(view.query, own)}`}>Newest comments</a>}
          {page.next && (
            <a href={`/comments${queryString(view.query, { ...own, after: encodeCursor(page.next) })}`} rel="next">
              Older comments →
            </a>
          )}
        </div>
      </section>
    </>
  );
}
