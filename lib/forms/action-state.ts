import { notFound } from "next/navigation";
import type { z } from "zod";
import { NotFoundError } from "../tenancy/tenant";
import { InputError } from "./input-error";

export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

export const initialActionState: ActionState = { ok: false };

/** FormData to a plain object; repeated names (checkbox lists) become arrays. */
export function formObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

/**
 * Runs a server action's work on zod-parsed form data: field errors come back as state, foreign or unknown ids
 * become the not-found page, anything else is a real error.
 */
export async function handleForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  work: (input: z.infer<S>) => Promise<string | void>,
): Promise<ActionState> {
  const parsed = schema.safeParse(formObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const message = await work(parsed.data);
    return { ok: true, message: message ?? "Saved" };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, fieldErrors: error.fieldErrors };
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
