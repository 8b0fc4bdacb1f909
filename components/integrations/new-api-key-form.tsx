"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/form/action-form";
import type { ActionState } from "@/lib/forms/action-state";

/** Creates a key and shows it this once: it is stored only as a digest, nobody can see it again. */
export function NewApiKeyForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("apiKeyForm");
  return (
    <ActionForm action={action} submitLabel={t("create")} className="form inline" success={(key) => <ShownOnce value={key} what={t("key")} testId="new-api-key" />}>
      <Field name="name" label={t("name")} placeholder={t("placeholder")} />
    </ActionForm>
  );
}

/** A new secret to copy now: only its digest is kept. */
export function ShownOnce({ value, what, testId }: { value: string; what: string; testId: string }) {
  const t = useTranslations("apiKeyForm");
  return (
    <div className="new-key" role="status" style={{ flexBasis: "100%" }}>
      <p style={{ margin: "8px 0 4px" }}>
        {t.rich("copy", { what, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <code data-testid={testId} style={{ display: "block", padding: "10px 12px", background: "#f3f4f6", borderRadius: 6, wordBreak: "break-all" }}>
        {value}
      </code>
    </div>
  );
}
