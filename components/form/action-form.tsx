"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { ActionState } from "@/lib/forms/action-state";

const FormState = createContext<ActionState>({ ok: false });

/** A form bound to a server action; the fields inside show the action's messages next to themselves. */
export function ActionForm({ action, submitLabel, children, className, danger, success }: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  /** Shows a successful action's message in its own way (e.g. a new secret to copy) instead of the status line. */
  success?: (message: string) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <FormState.Provider value={state}>
      <form action={formAction} className={className ?? "form"} noValidate>
        {children}
        {state.fieldErrors?.form && <p className="field-error">{state.fieldErrors.form}</p>}
        <div className="form-actions">
          <button type="submit" disabled={pending} className={danger ? "button danger" : "button"}>
            {pending ? "…" : submitLabel}
          </button>
          {state.ok && state.message && !success && (
            <span className="form-ok" role="status">
              {state.message}
            </span>
          )}
        </div>
        {state.ok && state.message && success?.(state.message)}
      </form>
    </FormState.Provider>
  );
}

export function FieldError({ name }: { name: string }) {
  const error = useContext(FormState).fieldErrors?.[name];
  return error ? (
    <p className="field-error" id={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

type InputProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number;
  placeholder?: string;
  hint?: string;
  /** When two forms on a page share a field name, each needs its own id. */
  id?: string;
};

export function Field({ name, label, type = "text", defaultValue, placeholder, hint, id = name }: InputProps) {
  const error = useContext(FormState).fieldErrors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {hint && <p className="hint">{hint}</p>}
      <FieldError name={name} />
    </div>
  );
}

export function TextAreaField({ name, label, defaultValue, id = name }: {
  name: string;
  label: string;
  defaultValue?: string;
  /** When two forms on a page share a field name, each needs its own id. */
  id?: string;
}) {
  const error = useContext(FormState).fieldErrors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} defaultValue={defaultValue} aria-invalid={Boolean(error)} rows={3} />
      <FieldError name={name} />
    </div>
  );
}

export function SelectField({ name, label, options, defaultValue, id = name, value, onChange }: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  /** When two forms on a page share a field name, each needs its own id. */
  id?: string;
  /** A choice the rest of the form follows: controlled, so it survives the form's reset after an action. */
  value?: string;
  onChange?: (value: string) => void;
}) {
  const error = useContext(FormState).fieldErrors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        {...(value === undefined ? { defaultValue } : { value, onChange: (event) => onChange?.(event.target.value) })}
        aria-invalid={Boolean(error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError name={name} />
    </div>
  );
}

export function CheckboxList({ name, label, options, defaultValues = [] }: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  return (
    <fieldset className="field checkbox-list">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input type="checkbox" name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} />
          {option.label}
        </label>
      ))}
      <FieldError name={name} />
    </fieldset>
  );
}
