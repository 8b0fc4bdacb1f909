import { getTranslations } from "next-intl/server";
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
  const [page, themes, t, dashboard] = await Promise.all([
    listComments(member, view.filters, comments).catch(notFoundOnForeignId),
    listThemes(tenantOf(member)),
    getTranslations("commentsPage"),
    getTranslations("dashboard"),
  ]);
  const own = { q: comments.q, category: comments.category, theme: comments.theme };
  const error = view.error ?? (parsed.success ? undefined : parsed.error.issues[0].message);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <div className="actions">
          <a className="button secondary" href={`/dashboard${queryString(view.query)}`}>{dashboard("title")}</a>
          <a className="button secondary" href={`/exports/responses.csv${queryString(view.query)}`} download>
            {dashboard("exportResponses")}
          </a>
        </div>
      </div>
      <FilterBar query={view.query} range={view.filters.range} options={view.options} error={error} keep={own} showTrend={false} />
      <form className="filters card" method="get" role="search">
        {Object.entries(view.query).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
        <label>
          {t("search")}
          <input type="search" name="q" defaultValue={comments.q ?? ""} placeholder={t("searchPlaceholder")} />
        </label>
        <label>
          {t("category")}
          <select name="category" defaultValue={comments.category ?? ""}>
            <option value="">{t("all")}</option>
            <option value="detractor">{dashboard("detractors")}</option>
            <option value="passive">{dashboard("passives")}</option>
            <option value="promoter">{dashboard("promoters")}</option>
          </select>
        </label>
        <label>
          {t("theme")}
          <select name="theme" defaultValue={comments.theme ?? ""}>
            <option value="">{t("allThemes")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          {t("submit")}
        </button>
      </form>
      <section className="card">
        <p className="hint">{t("hint")}</p>
        <CommentList comments={page.comments} />
        <div className="pager">
          {comments.after && <a href={`/comments${queryString(view.query, own)}`}>{t("newest")}</a>}
          {page.next && (
            <a href={`/comments${queryString(view.query, { ...own, after: encodeCursor(page.next) })}`} rel="next">
              {t("older")}
            </a>
          )}
        </div>
      </section>
    </>
  );
}
