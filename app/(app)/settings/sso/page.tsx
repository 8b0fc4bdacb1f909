import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { GroupMappingForm, NewScimTokenForm, SsoConnectionForm } from "@/components/identity/sso-forms";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listScimTokens } from "@/lib/identity/scim/scim-tokens";
import { getSsoSettings } from "@/lib/identity/sso-connections";
import { listStores } from "@/lib/stores/stores";
import { addGroupMappingAction, createScimTokenAction, removeGroupMappingAction, revokeScimTokenAction, saveSsoConnectionAction } from "./actions";

const when = (date: Date | null) => (date ? date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "never");

/** For admins: the company's identity provider, which of its groups give which access, and SCIM provisioning. */
export default async function SingleSignOnPage() {
  const roles = await getTranslations("roles");
  const member = await requireMember(ACCESS["/settings/sso"]);
  const [{ connection, domains, mappings }, tokens, stores] = await Promise.all([getSsoSettings(member), listScimTokens(member), listStores(member)]);
  const appUrl = env().APP_URL;
  return (
    <>
      <h1>Single sign-on</h1>
      <p className="muted">
        Connect your company&apos;s OpenID Connect provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak…). Register this app there
        with the redirect URL <code>{`${appUrl}/signin/sso/callback`}</code> and the scopes <code>openid email profile</code>, and send the
        person&apos;s groups in a <code>groups</code> (or <code>roles</code>) claim.
      </p>
      <section className="card">
        <h2 className="card-title">Identity provider</h2>
        <SsoConnectionForm action={saveSsoConnectionAction} connection={connection} domains={domains} />
      </section>
      <section className="card">
        <h2 className="card-title">Groups and access</h2>
        <p className="muted">
          A person signing in through the provider, or provisioned by SCIM, gets the highest role of their mapped groups; a store manager
          manages every store their groups name. Nobody in a mapped group: no access.
        </p>
        <GroupMappingForm action={addGroupMappingAction} stores={stores.map((s) => ({ id: s.id, label: `${s.name} (${s.code})` }))} />
      </section>
      <TableCard testId="group-mappings" columns={["Group", "Role", "Store", ""]} empty="No groups mapped yet: nobody gets in through the provider." isEmpty={mappings.length === 0}>
        {mappings.map((mapping) => (
          <tr key={mapping.id}>
            <td>
              <code>{mapping.group}</code>
            </td>
            <td>{roles(mapping.role)}</td>
            <td>{mapping.store ? `${mapping.store.name} (${mapping.store.code})` : "—"}</td>
            <td>
              <ActionForm action={removeGroupMappingAction.bind(null, mapping.id)} submitLabel="Remove" danger />
            </td>
          </tr>
        ))}
      </TableCard>
      <section className="card">
        <h2 className="card-title">User provisioning (SCIM 2.0)</h2>
        <p className="muted">
          In your provider, set the SCIM base URL <code>{`${appUrl}/scim/v2`}</code> and a token from here (HTTP header
          authentication). Deactivating a person there signs them out here at once.
        </p>
        <NewScimTokenForm action={createScimTokenAction} />
      </section>
      <TableCard testId="scim-tokens" columns={["Name", "Token", "Created", "Last used", ""]} empty="No tokens yet." isEmpty={tokens.length === 0}>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>
              <code>{token.prefix}…</code>
            </td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>
              {token.revokedAt ? (
                <span className="badge overdue">revoked {when(token.revokedAt)}</span>
              ) : (
                <ActionForm action={revokeScimTokenAction.bind(null, token.id)} submitLabel="Revoke" danger />
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
