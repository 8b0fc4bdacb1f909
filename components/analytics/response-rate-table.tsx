import { useFormatter, useTranslations } from "next-intl";
import type { BoardRow } from "@/lib/analytics/dashboard";

/** Surveys sent, responses received and their ratio, per store or survey. */
export function ResponseRateTable({ rows, label }: { rows: BoardRow[]; label: string }) {
  const t = useTranslations("responseRate");
  const format = useFormatter();
  if (rows.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{label}</th>
          <th className="num">{t("sent")}</th>
          <th className="num">{t("responded")}</th>
          <th className="num">{t("rate")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            <td className="num">{format.number(row.sent)}</td>
            <td className="num">{format.number(row.figure.responses)}</td>
            <td className="num">{row.responseRate === null ? "–" : `${Math.round(row.responseRate * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
