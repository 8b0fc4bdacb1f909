import type { ReactNode } from "react";

export type Column = string | { label: string; numeric?: boolean };

/** A card holding one table: its heading, the column headers, and a line saying so when there are no rows. */
export function TableCard({
  title,
  testId,
  columns,
  empty,
  isEmpty,
  children,
}: {
  title?: string;
  testId: string;
  columns: Column[];
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  return (
    <section className="card">
      {title && <h2 className="card-title">{title}</h2>}
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) => {
              const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
              return (
                <th key={index} className={numeric ? "num" : undefined}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {isEmpty && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </section>
  );
}
