import { ActionForm } from "@/components/form/action-form";
import { NewApiKeyForm } from "@/components/integrations/new-api-key-form";
import { TableCard } from "@/components/layout/table-card";
import { listApiKeys } from "@/lib/api/api-keys";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

const when = (date: Date | null) => (date ? date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "never");

/** For admins: the keys of the public API, and where to read about it. */
export default async function IntegrationsPage() {
  const member = await requireMember(ACCESS["/integrations"]);
  const keys = await listApiKeys(member);
  return (
    <>
      <h1>Integrations</h1>
      <p className="muted">
        Your shop, POS or CRM triggers surveys and reads results through the <a href="/api/v1/docs">REST API</a> (
        <a href="/api/v1/openapi.json">OpenAPI</a>); <a href="/integrations/webhooks">webhooks</a> tell your systems when
        customers answer and follow-ups open or close.
      </p>
      <section className="card">
        <h2 className="card-title">API keys</h2>
        <p className="muted">
          Each key acts for {"this company"} only. Give every system its own key, so you can revoke one without the others.
        </p>
        <NewApiKeyForm action={createApiKeyAction} />
      </section>
      <TableCard
        testId="api-keys"
        columns={["Name", "Key", "Created", "Last used", ""]}
        empty="No keys yet."
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
                <span className="badge overdue">revoked {when(key.revokedAt)}</span>
              ) : (
                <ActionForm action={revokeApiKeyAction.bind(null, key.id)} submitLabel="Revoke" danger />
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
