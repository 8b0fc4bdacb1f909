import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { NewApiKeyForm } from "@/components/integrations/new-api-key-form";
import { TableCard } from "@/components/layout/table-card";
import { listApiKeys } from "@/lib/api/api-keys";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

/** For admins: the keys of the public API, and where to read about it. */
export default async function IntegrationsPage() {
  const member = await requireMember(ACCESS["/integrations"]);
  const [keys, t, format] = await Promise.all([listApiKeys(member), getTranslations("integrationsPage"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t.rich("intro", {
          api: (chunks) => <a href="/api/v1/docs">{chunks}</a>,
          openapi: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          webhooks: (chunks) => <a href="/integrations/webhooks">{chunks}</a>,
        })}
      </p>
      <section className="card">
        <h2 className="card-title">{t("keys")}</h2>
        <p className="muted">{t("keysIntro")}</p>
        <NewApiKeyForm action={createApiKeyAction} />
      </section>
      <TableCard
        testId="api-keys"
        columns={[t("name"), t("key"), t("created"), t("lastUsed"), ""]}
        empty={t("empty")}
        isEmpty={keys.length === 0}
      >
        {keys.map((key) => (
          <tr key={key.id}>
            <td>{key.name}</td>
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td>{when(key.createdAt)}</td>
            <td>{when(key.lastUsedAt)}</td>
            <td>
              {key.revokedAt ? (
                <span className="badge overdue">{t("revoked", { time: when(key.revokedAt) })}</span>
              ) : (
                <ActionForm action={revokeApiKeyAction.bind(null, key.id)} submitLabel={t("revoke")} danger />
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
