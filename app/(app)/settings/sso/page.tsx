import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/form/action-form";
import { GroupMappingForm, NewScimTokenForm, SsoConnectionForm } from "@/components/identity/sso-forms";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SSO_CALLBACK_PATH } from "@/lib/identity/oidc-sign-in";
import { serviceProviderOf } from "@/lib/identity/saml-service-provider";
import { listScimTokens } from "@/lib/identity/scim/scim-tokens";
import { getSsoSettings } from "@/lib/identity/sso-connections";
import { listStores } from "@/lib/stores/stores";
import { addGroupMappingAction, createScimTokenAction, removeGroupMappingAction, revokeScimTokenAction, saveSsoConnectionAction } from "./actions";

/** For admins: the company's identity provider, which of its groups give which access, and SCIM provisioning. */
export default async function SingleSignOnPage() {
  const member = await requireMember(ACCESS["/settings/sso"]);
  const [roles, t, format] = await Promise.all([getTranslations("roles"), getTranslations("ssoPage"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const [{ connection, domains, mappings }, tokens, stores] = await Promise.all([getSsoSettings(member), listScimTokens(member), listStores(member)]);
  const appUrl = env().APP_URL;
  const serviceProvider = serviceProviderOf(member);
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card">
        <h2 className="card-title">{t("atYourProvider")}</h2>
        <p className="muted">{t.rich("oidcSetup", { redirectUrl: `${appUrl}${SSO_CALLBACK_PATH}`, code })}</p>
        <p className="muted">{t.rich("samlSetup", { code })}</p>
        <dl data-testid="saml-service-provider">
          <dt>{t("spEntityId")}</dt>
          <dd>
            <code>{serviceProvider.entityId}</code>
          </dd>
          <dt>{t("acsUrl")}</dt>
          <dd>
            <code>{serviceProvider.acsUrl}</code>
          </dd>
          <dt>{t("spMetadata")}</dt>
          <dd>
            <a href={serviceProvider.entityId}>{serviceProvider.entityId}</a>
          </dd>
        </dl>
      </section>
      <section className="card">
        <h2 className="card-title">{t("provider")}</h2>
        <SsoConnectionForm action={saveSsoConnectionAction} connection={connection} domains={domains} />
      </section>
      <section className="card">
        <h2 className="card-title">{t("groups")}</h2>
        <p className="muted">
          {t("groupsIntro")}
        </p>
        <GroupMappingForm action={addGroupMappingAction} stores={stores.map((s) => ({ id: s.id, label: `${s.name} (${s.code})` }))} />
      </section>
      <TableCard testId="group-mappings" columns={[t("group"), t("role"), t("store"), ""]} empty={t("emptyMappings")} isEmpty={mappings.length === 0}>
        {mappings.map((mapping) => (
          <tr key={mapping.id}>
            <td>
              <code>{mapping.group}</code>
            </td>
            <td>{roles(mapping.role)}</td>
            <td>{mapping.store ? `${mapping.store.name} (${mapping.store.code})` : "—"}</td>
            <td>
              <ActionForm action={removeGroupMappingAction.bind(null, mapping.id)} submitLabel={t("remove")} danger />
            </td>
          </tr>
        ))}
      </TableCard>
      <section className="card">
        <h2 className="card-title">{t("scim")}</h2>
        <p className="muted">
          {t.rich("scimIntro", { scimUrl: `${appUrl}/scim/v2`, code: (chunks) => <code>{chunks}</code> })}
        </p>
        <NewScimTokenForm action={createScimTokenAction} />
      </section>
      <TableCard testId="scim-tokens" columns={[t("name"), t("token"), t("created"), t("lastUsed"), ""]} empty={t("emptyTokens")} isEmpty={tokens.length === 0}>
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
                <span className="badge overdue">{t("revoked", { time: when(token.revokedAt) })}</span>
              ) : (
                <ActionForm action={revokeScimTokenAction.bind(null, token.id)} submitLabel={t("revoke")} danger />
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
