import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listStores } from "@/lib/stores/stores";

/** Every store the member sees, each with its weekly digest (emailed to its managers on Monday mornings). */
export default async function DigestsPage() {
  const member = await requireMember(ACCESS["/digest"]);
  const stores = await listStores(member);
  return (
    <>
      <h1>Weekly digests</h1>
      <p className="muted">Each Monday morning, every store&apos;s managers get last week&apos;s digest by email. Open one to print it for the team meeting; CX managers also see the email there and can send it now.</p>
      <TableCard testId="digest-stores" columns={["Store", "Region", "Time zone", ""]} empty="No stores yet." isEmpty={stores.length === 0}>
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
      </TableCard>
    </>
  );
}
