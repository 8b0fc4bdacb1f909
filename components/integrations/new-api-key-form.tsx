"use client";

import { ActionForm, Field } from "@/components/form/action-form";
import type { ActionState } from "@/lib/forms/action-state";

/** Creates a key and shows it this once: it is stored only as a digest, nobody can see it again. */
export function NewApiKeyForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return (
    <ActionForm action={action} submitLabel="Create key" className="form inline" success={(key) => <ShownOnce value={key} what="key" testId="new-api-key" />}>
      <Field name="name" label="Name" placeholder="e.g. Shop checkout" />
    </ActionForm>
  );
}

/** A new secret to copy now: only its digest is kept. */
export function ShownOnce({ value, what, testId }: { value: string; what: string; testId: string }) {
  return (
    <div className="new-key" role="status" style={{ flexBasis: "100%" }}>
      <p style={{ margin: "8px 0 4px" }}>
        <strong>Copy this {what} now.</strong> It is shown only once.
      </p>
      <code data-testid={testId} style={{ display: "block", padding: "10px 12px", background: "#f3f4f6", borderRadius: 6, wordBreak: "break-all" }}>
        {value}
      </code>
    </div>
  );
}
