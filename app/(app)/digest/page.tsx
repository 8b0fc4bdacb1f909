import { requireMember } from "@/lib/auth/session";
import { listStores } from "@/lib/stores/stores";

/** Every store the member sees, each with its weekly digest (emailed to its managers on Monday mornings). */
export default async function DigestsPage() {
  const member = await requireMember();
  const stores = await listStores(member);
  return (
    <>
      <h1>Weekly digests</h1>
      <p className="muted">Each Monday morning, every store&apos;s managers get last week&apos;s digest by email. Open one to print it for the team meeting.</p>
      <section className="card">
        <table>
          <thead>
            <tr>
              <th>Store</th>
              <th>Region</th>
              <th>Time zone</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {stores.map((store) => (
              <tr key={store.id}>
                <td>{store.name}</td>
                <td>{store.region?.name ?? "–"}</td>
                <td>{store.timeZone}</td>
                <td>
                  <a href={`/digest/${store.id}`}>Last week&apos;s digest</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
