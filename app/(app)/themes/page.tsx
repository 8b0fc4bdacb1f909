import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/analytics/filter-bar";
import { RefreshWhile } from "@/components/analytics/refresh-while";
import { ThemeEditor } from "@/components/analytics/theme-editor";
import { ThemeTable } from "@/components/analytics/theme-table";
import { ThemeTrendChart } from "@/components/analytics/theme-trend-chart";
import { queryString } from "@/lib/analytics/schemas";
import { getThemeFigures } from "@/lib/analytics/theme-figures";
import { loadAnalyticsView, type SearchParams } from "@/lib/analytics/view";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { tenantOf } from "@/lib/tenancy/tenant";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { hasRole } from "@/lib/members/members";
import { listRetagStatus, type RetagStatus } from "@/lib/themes/retag";
import { listThemes } from "@/lib/themes/read-themes";
import { createThemeAction, updateThemeAction } from "./actions";

type Props = { searchParams: Promise<SearchParams> };

export default async function ThemesPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/themes"]);
  const params = await searchParams;
  const view = await loadAnalyticsView(member, params).catch(notFoundOnForeignId);
  const [figures, themes, retags, t, dashboard] = await Promise.all([
    getThemeFigures(member, view.filters),
    listThemes(tenantOf(member)),
    listRetagStatus(tenantOf(member)),
    getTranslations("themesPage"),
    getTranslations("dashboard"),
  ]);
  const retagOf = (themeId: string) => retags.find((retag) => retag.themeId === themeId);
  const pending = retags.filter((retag) => retag.state !== "done");
  const canEdit = hasRole(member, "cx_manager");
  // One theme's form at a time (?edit=<id>), so that every field's id is unique on the page.
  const editing = themes.find((theme) => theme.id === params.edit);
  const top = figures.themes.filter((theme) => theme.figure.responses > 0).slice(0, 6).map((theme) => theme.name);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <div className="actions">
          <a className="button secondary" href={`/dashboard${queryString(view.query)}`}>{dashboard("title")}</a>
          <a className="button secondary" href={`/comments${queryString(view.query)}`}>{dashboard("comments")}</a>
        </div>
      </div>
      <FilterBar query={view.query} range={view.filters.range} options={view.options} error={view.error} />
      {pending.length > 0 && (
        <div className="notice" role="status" data-testid="retag-status">
          {pending.map((retag) => (
            <p key={retag.themeId}>
              <strong>{themes.find((theme) => theme.id === retag.themeId)?.name}</strong>: <RetagLine retag={retag} />
            </p>
          ))}
          <p className="hint">{t("mixHint")}</p>
          <RefreshWhile active={pending.some((retag) => retag.state !== "failed")} />
        </div>
      )}
      <section className="card">
        <h2 className="card-title">{t("whatTheyTalkAbout", { count: figures.comments })}</h2>
        <ThemeTable
          themes={figures.themes}
          hasPrevious={view.filters.previous !== null}
          commentsHref={(themeId) => `/comments${queryString(view.query, { theme: themeId })}`}
        />
        <p className="hint">{t("tagHint")}</p>
      </section>
      <section className="card">
        <h2 className="card-title">{t("mentionsBy", { grain: view.filters.trend })}</h2>
        <ThemeTrendChart name={t("mentionsBy", { grain: view.filters.trend })} points={figures.trend.map(({ period, mentions }) => ({ period, mentions }))} themes={top} />
      </section>
      {canEdit && (
        <section className="card" id="keywords">
          <h2 className="card-title">{t("keywords")}</h2>
          <p className="hint">{t("keywordsHint")}</p>
          <ul className="theme-list">
            {themes.map((theme) => (
              <li key={theme.id}>
                <a href={`/themes?edit=${theme.id}#keywords`}>{theme.name}</a>
                {retagOf(theme.id) && (
                  <span className="hint" data-testid={`retag-${theme.id}`}>
                    {" "}
                    · <RetagLine retag={retagOf(theme.id)!} />
                  </span>
                )}
              </li>
            ))}
            <li>
              <a href="/themes?edit=new#keywords">{t("addTheme")}</a>
            </li>
          </ul>
          {editing && <ThemeEditor key={editing.id} action={updateThemeAction} theme={editing} submitLabel={t("saveTheme")} />}
          {params.edit === "new" && <ThemeEditor action={createThemeAction} submitLabel={t("createTheme")} />}
        </section>
      )}
    </>
  );
}

/** Where tagging a theme's past comments stands: waiting for the worker, how far, done, or failed (retried). */
function RetagLine({ retag }: { retag: RetagStatus }) {
  const t = useTranslations("themesPage");
  switch (retag.state) {
    case "queued":
      return t("queued");
    case "running":
      return retag.total === null || retag.progress === null
        ? t("running")
        : t("progress", { done: retag.done, total: retag.total, percent: Math.floor(retag.progress * 100) });
    case "failed":
      return t("failed", { error: retag.error ?? t("unknownError") });
    default:
      return retag.finishedAt ? t("doneAt", { time: retag.finishedAt.toISOString().slice(0, 16).replace("T", " ") }) : t("done");
  }
}
