import { useFormatter, useTranslations } from "next-intl";
import type { BoardRow } from "@/lib/analytics/dashboard";
import { NpsFigure } from "../dashboard/nps-figure";
import { ChangeMark } from "./change-mark";

type Extra = { header: string; cell: (row: BoardRow) => React.ReactNode };

/** NPS with margin and n per store, region, channel or segment, with its change and its standing against the rest. */
export function Leaderboard({ rows, label, previousLabel, extra = [], testId }: {
  rows: BoardRow[];
  label: string;
  previousLabel: string | null;
  extra?: Extra[];
  testId?: string;
}) {
  const t = useTranslations("leaderboard");
  const format = useFormatter();
  const nps = useTranslations("nps");
  if (rows.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{label}</th>
          {extra.map((column) => (
            <th key={column.header}>{column.header}</th>
          ))}
          <th className="num">NPS</th>
          <th className="num">n</th>
          {previousLabel && (
            <th className="num" title={t("changeAgainst", { against: previousLabel })}>
              {t("trend")}
            </th>
          )}
          <th className="num" title={t("vsRestTitle")}>
            {t("vsRest")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            {extra.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
            <td className="num">
              <NpsFigure summary={row.figure} />
            </td>
            <td className="num">{format.number(row.figure.responses)}</td>
            {previousLabel && (
              <td className="num">
                <ChangeMark change={row.change} against={previousLabel} />
              </td>
            )}
            <td className="num">
              <ChangeMark change={row.vsRest} against={nps("theRest")} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
