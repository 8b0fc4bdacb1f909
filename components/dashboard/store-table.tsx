import type { StoreRow } from "@/lib/analytics/dashboard";
import { NpsFigure } from "./nps-figure";

export function StoreTable({ stores }: { stores: StoreRow[] }) {
  if (stores.length === 0) return <p className="empty">No stores yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Store</th>
          <th>Region</th>
          <th className="num">NPS</th>
          <th className="num">Responses</th>
          <th className="num">Open follow-ups</th>
          <th className="num">Overdue</th>
        </tr>
      </thead>
      <tbody>
        {stores.map((store) => (
          <tr key={store.storeId}>
            <td>{store.name}</td>
            <td>{store.region ?? "–"}</td>
            <td className="num">
              <NpsFigure summary={store} />
            </td>
            <td className="num">{store.responses}</td>
            <td className="num">{store.openFollowUps}</td>
            <td className="num">
              {store.overdueFollowUps > 0 ? <span className="badge overdue">{store.overdueFollowUps}</span> : 0}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
