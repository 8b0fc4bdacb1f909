"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/forms/action-state";

/** Creates a key and shows it this once: it is stored only as a digest, nobody can see it again. */
export function NewApiKeyForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="form inline" noValidate>
      <div className="field">
        <label htmlFor="key-name">Name</label>
        <input id="key-name" name="name" placeholder="e.g. Shop checkout" aria-invalid={Boolean(state.fieldErrors?.name)} />
        {state.fieldErrors?.name && <p className="field-error">{state.fieldErrors.name}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "…" : "Create key"}
        </button>
      </div>
      {state.ok && state.message && (
        <div className="new-key" role="status" style={{ flexBasis: "100%" }}>
          <p style={{ margin: "8px 0 4px" }}>
            <strong>Copy this key now.</strong> It is shown only once.
          </p>
          <code data-testid="new-api-key" style={{ display: "block", padding: "10px 12px", background: "#f3f4f6", borderRadius: 6, wordBreak: "break-all" }}>
            {state.message}
          </code>
        </div>
      )}
    </form>
  );
}
