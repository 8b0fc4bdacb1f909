"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, FieldError, SelectField, TextAreaField } from "@/components/form/action-form";
import { ShownOnce } from "@/components/integrations/new-api-key-form";
import type { ActionState } from "@/lib/forms/action-state";
import { ROLES } from "@/lib/members/schemas";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type SsoConnectionView = { issuer: string; clientId: string; ssoRequired: boolean; breakGlassEmail: string | null } | null;

/** The provider's settings; the client secret field stays empty: the stored secret is never sent back. */
export function SsoConnectionForm({ action, connection, domains }: { action: Action; connection: SsoConnectionView; domains: string[] }) {
  return (
    <ActionForm action={action} submitLabel="Save single sign-on">
      <Field name="issuer" label="Issuer URL" defaultValue={connection?.issuer} placeholder="https://login.example.com/realms/staff" hint="We read the provider's settings from <issuer>/.well-known/openid-configuration." />
      <Field name="clientId" label="Client id" defaultValue={connection?.clientId} />
      <Field
        name="clientSecret"
        label="Client secret"
        type="password"
        hint={connection ? "Stored encrypted and never shown again. Leave empty to keep it." : "Stored encrypted and never shown again."}
      />
      <TextAreaField name="domains" label="Email domains your company owns (one a line)" defaultValue={domains.join("\n")} />
      <div className="field">
        <label className="check">
          <input type="checkbox" name="ssoRequired" defaultChecked={connection?.ssoRequired} /> Require single sign-on: no email sign-in links for these
          domains
        </label>
        <FieldError name="ssoRequired" />
      </div>
      <Field
        name="breakGlassEmail"
        label="Break-glass admin"
        type="email"
        defaultValue={connection?.breakGlassEmail ?? ""}
        hint="This one address keeps email sign-in links, to get in when the provider is down."
      />
    </ActionForm>
  );
}

export function GroupMappingForm({ action, stores }: { action: Action; stores: { id: string; label: string }[] }) {
  const roles = useTranslations("roles");
  return (
    <ActionForm action={action} submitLabel="Add mapping" className="form inline">
      <Field name="group" label="Group" placeholder="e.g. nps-store-1234" />
      <SelectField name="role" label="Role" options={ROLES.map((role) => ({ value: role, label: roles(role) }))} defaultValue="store_manager" />
      <SelectField name="storeId" label="Store (store managers)" options={[{ value: "", label: "—" }, ...stores.map((s) => ({ value: s.id, label: s.label }))]} />
    </ActionForm>
  );
}

export function NewScimTokenForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} submitLabel="Create token" className="form inline" success={(token) => <ShownOnce value={token} what="token" testId="new-scim-token" />}>
      <Field name="name" label="Name" placeholder="e.g. Okta" id="scim-token-name" />
    </ActionForm>
  );
}
