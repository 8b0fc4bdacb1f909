import type { ActionState } from "../forms/action-state";
import { CATALOG } from "./catalog";
import type { Locale } from "./locales";

type ValidationKey = keyof (typeof CATALOG)["en"]["forms"];

// The zod schemas keep their English messages: the REST API answers in English to machines and scripts, and the
// same schema validates staff forms. Staff read them translated: an English message found in the catalog's
// "forms" namespace is looked up by its text; one not there yet stays English.
const KEY_OF_ENGLISH = new Map(Object.entries(CATALOG.en.forms).map(([key, english]) => [english, key as ValidationKey]));

export function localizeMessage(message: string, locale: Locale): string {
  const key = KEY_OF_ENGLISH.get(message);
  return key ? CATALOG[locale].forms[key] : message;
}

/** A form action's outcome in the member's language: its field errors and its status line. */
export function localizeActionState(state: ActionState, locale: Locale): ActionState {
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(Object.entries(state.fieldErrors).map(([field, message]) => [field, localizeMessage(message, locale)]))
    : undefined;
  return { ...state, message: state.message && localizeMessage(state.message, locale), ...(fieldErrors && { fieldErrors }) };
}
