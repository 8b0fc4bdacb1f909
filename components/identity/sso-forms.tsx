"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { ActionForm, Field, FieldError, SelectField, TextAreaField } from "@/components/form/action-form";
import { ShownOnce } from "@/components/integrations/new-api-key-form";
import type { ActionState } from "@/lib/forms/action-state";
import type { SsoProtocol } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/members/schemas";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type SsoConnectionView = {
  protocol: SsoProtocol;
  issuer: string;
  clientId: string | null;
  ssoUrl: string | null;
  signingCertificate: string | null;
  groupAttribute: string | null;
  ssoRequired: boolean;
  breakGlassEmail: string | null;
} | null;

const PROTOCOLS = ["oidc", "saml"] as const satisfies SsoProtocol[];

/**
 * The provider's settings, by the protocol chosen: only its fields are sent. The client secret field stays empty:
 * the stored secret is never sent back.
 */
export function SsoConnectionForm({ action, connection, domains }: { action: Action; connection: SsoConnectionView; domains: string[] }) {
  const t = useTranslations("ssoForms");
  const [protocol, setProtocol] = useState<string>(connection?.protocol ?? "oidc");
  // The other protocol's settings start empty: an OIDC issuer is no SAML entity id.
  const saved = connection?.protocol === protocol ? connection : null;
  // The choice stands outside the form, which React resets after each save: a reset would show one protocol while
  // the fields below are the other's.
  return (
    <>
      <SelectField name="protocol" label={t("protocol")} options={PROTOCOLS.map((p) => ({ value: p, label: t(p) }))} value={protocol} onChange={setProtocol} />
      <ActionForm action={action} submitLabel={t("save")}>
        <input type="hidden" name="protocol" value={protocol} />
        {/* Keyed: switching protocol starts fresh inputs, not the other protocol's with its values. */}
        {protocol === "saml" ? (
          <Fragment key="saml">
            <Field name="issuer" label={t("idpEntityId")} defaultValue={saved?.issuer} hint={t("idpEntityIdHint")} />
            <Field name="ssoUrl" label={t("ssoUrl")} defaultValue={saved?.ssoUrl ?? ""} placeholder="https://login.example.com/app/sso/saml" hint={t("ssoUrlHint")} />
            <TextAreaField name="signingCertificate" label={t("signingCertificate")} defaultValue={saved?.signingCertificate ?? ""} />
            <Field name="groupAttribute" label={t("groupAttribute")} defaultValue={saved?.groupAttribute ?? "groups"} hint={t("groupAttributeHint")} />
          </Fragment>
        ) : (
          <Fragment key="oidc">
            <Field name="issuer" label={t("issuer")} defaultValue={saved?.issuer} placeholder="https://login.example.com/realms/staff" hint={t("issuerHint", { path: "<issuer>/.well-known/openid-configuration" })} />
            <Field name="clientId" label={t("clientId")} defaultValue={saved?.clientId ?? ""} />
            <Field name="clientSecret" label={t("clientSecret")} type="password" hint={saved ? t("secretHintKeep") : t("secretHint")} />
          </Fragment>
        )}
        <TextAreaField name="domains" label={t("domains")} defaultValue={domains.join("\n")} />
        <div className="field">
          <label className="check">
            <input type="checkbox" name="ssoRequired" defaultChecked={connection?.ssoRequired} /> {t("ssoRequired")}
          </label>
          <FieldError name="ssoRequired" />
        </div>
        <Field
          name="breakGlassEmail"
          label={t("breakGlass")}
          type="email"
          defaultValue={connection?.breakGlassEmail ?? ""}
          hint={t("breakGlassHint")}
        />
      </ActionForm>
    </>
  );
}

export function GroupMappingForm({ action, stores }: { action: Action; stores: { id: string; label: string }[] }) {
  const roles = useTranslations("roles");
  const t = useTranslations("ssoForms");
  return (
    <ActionForm action={action} submitLabel={t("addMapping")} className="form inline">
      <Field name="group" label={t("group")} placeholder={t("groupPlaceholder")} />
      <SelectField name="role" label={t("role")} options={ROLES.map((role) => ({ value: role, label: roles(role) }))} defaultValue="store_manager" />
      <SelectField name="storeId" label={t("store")} options={[{ value: "", label: "—" }, ...stores.map((s) => ({ value: s.id, label: s.label }))]} />
    </ActionForm>
  );
}

export function NewScimTokenForm({ action }: { action: Action }) {
  const t = useTranslations("ssoForms");
  const apiKeyForm = useTranslations("apiKeyForm");
  return (
    <ActionForm action={action} submitLabel={t("createToken")} className="form inline" success={(token) => <ShownOnce value={token} what={apiKeyForm("scimToken")} testId="new-scim-token" />}>
      <Field name="name" label={t("name")} placeholder={t("tokenPlaceholder")} id="scim-token-name" />
    </ActionForm>
  );
}
