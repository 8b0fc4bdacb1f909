import { useTranslations } from "next-intl";
import type { ThemeFigure } from "@/lib/analytics/theme-figures";
import { NpsFigure } from "../dashboard/nps-figure";
import { ChangeMark } from "./change-mark";

/** Mentions, share of comments and NPS per theme, with the change in NPS against the previous period. */
export function ThemeTable({ themes, commentsHref, hasPrevious }: {
  themes: ThemeFigure[];
  commentsHref: (themeId: string) => string;
  hasPrevious: boolean;
}) {
  const t = useTranslations("themeTable");
  const dashboard = useTranslations("dashboard");
  return (
    <table data-testid="theme-table">
      <thead>
        <tr>
          <th>{t("theme")}</th>
          <th className="num">{t("mentions")}</th>
          <th className="num">{t("share")}</th>
          <th className="num">{t("nps")}</th>
          {hasPrevious && <th className="num">{t("mentionsBefore")}</th>}
          {hasPrevious && <th className="num">{t("npsTrend")}</th>}
        </tr>
      </thead>
      <tbody>
        {themes.map((theme) => (
          <tr key={theme.id}>
            <td>
              <a href={commentsHref(theme.id)}>{theme.name}</a>
            </td>
            <td className="num">{theme.figure.responses}</td>
            <td className="num">{theme.share === null ? "–" : `${Math.round(theme.share * 100)}%`}</td>
            <td className="num">
              <NpsFigure summary={theme.figure} />
            </td>
            {hasPrevious && <td className="num">{theme.previousMentions ?? "–"}</td>}
            {hasPrevious && (
              <td className="num">
                <ChangeMark change={theme.change} against={dashboard("previousPeriod")} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
