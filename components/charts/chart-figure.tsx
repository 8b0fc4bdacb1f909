import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export type FigureTable = { columns: string[]; rows: (string | number)[][] };

/**
 * A chart as a screen reader meets it: one image with a name, and the same figures as a table behind a disclosure
 * (also there for anyone who wants the exact numbers).
 */
export function ChartFigure({ name, table, children }: { name: string; table: FigureTable; children: ReactNode }) {
  const t = useTranslations("charts");
  return (
    <figure className="chart">
      <div role="img" aria-label={name}>
        {children}
      </div>
      <details className="chart-table">
        <summary>{t("showTable")}</summary>
        <table>
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" className={index > 0 ? "num" : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(([head, ...cells]) => (
              <tr key={String(head)}>
                <th scope="row">{head}</th>
                {cells.map((cell, index) => (
                  <td key={table.columns[index + 1]} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
