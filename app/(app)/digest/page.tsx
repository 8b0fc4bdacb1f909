import { getTranslations } from "next-intl/server";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listStores } from "@/lib/stores/stores";

/** Every store the member sees, each with its weekly digest (emailed to its managers on Monday mornings). */
export default async function DigestsPage() {
  const member = await requireMember(ACCESS["/digest"]);
  const [stores, t] = await Promise.all([listStores(member), getTranslations("digest")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <TableCard testId="digest-stores" columns={[t("store"), t("region"), t("timeZone"), ""]} empty={t("empty")} isEmpty={stores.length === 0}>
        {stores.map((store) => (
          <tr key={store.id}>
            <td>{store.name}</td>
            <td>{store.region?.name ?? "–"}</td>
            <td>{store.timeZone}</td>
            <td>
              <a href={`/digest/${store.id}`}>{t("lastWeek")}</a>
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
