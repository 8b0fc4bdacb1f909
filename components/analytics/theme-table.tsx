import type { ThemeFigure } from "@/lib/analytics/theme-figures";
import { NpsFigure } from "../dashboard/nps-figure";
import { ChangeMark } from "./change-mark";

/** Mentions, share of comments and NPS per theme, with the change in NPS against the previous period. */
export function ThemeTable({ themes, commentsHref, hasPrevious }: {
  themes: ThemeFigure[];
  commentsHref: (themeId: string) => string;
  hasPrevious: boolean;
}) {
  return (
    <table data-testid="theme-table">
      <thead>
        <tr>
          <th>Theme</th>
          <th className="num">Mentions</th>
          <th className="num">Share of comments</th>
          <th className="num">NPS of those responses</th>
          {hasPrevious && <th className="num">Mentions before</th>}
          {hasPrevious && <th className="num">NPS trend</th>}
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
                <ChangeMark change={theme.change} against="the previous period" />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
