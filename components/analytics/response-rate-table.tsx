import type { BoardRow } from "@/lib/analytics/dashboard";

/** Surveys sent, responses received and their ratio, per store or survey. */
export function ResponseRateTable({ rows, label }: { rows: BoardRow[]; label: string }) {
  if (rows.length === 0) return <p className="empty">No surveys sent in this view.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{label}</th>
          <th className="num">Sent</th>
          <th className="num">Responded</th>
          <th className="num">Rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            <td className="num">{row.sent}</td>
            <td className="num">{row.figure.responses}</td>
            <td className="num">{row.responseRate === null ? "–" : `${Math.round(row.responseRate * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
