import { createFormatter, createTranslator } from "use-intl/core";
import de from "./messages/de.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import nl from "./messages/nl.json";
import pl from "./messages/pl.json";
import type { Locale } from "./locales";

/**
 * Every word the product shows, staff app and customer pages alike, one JSON file per language in ICU message
 * syntax (docs/i18n.md). English is the reference: tests/unit/i18n/message-catalog.test.ts checks that the others
 * have the same keys and placeholders.
 */
export type Messages = typeof en;

export const CATALOG: Record<Locale, Messages> = { en, de, nl, pl, fr };

// Dates in the staff app are shown in the store's own zone where it matters (lib/followups/local-time.ts); the rest
// is formatted in UTC on the server, the same on every host.
export const TIME_ZONE = "UTC";

/** Words outside a React render (emails, route handlers, the worker): the same catalog next-intl serves pages from. */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: CATALOG[locale], namespace, timeZone: TIME_ZONE });
}

export function formatter(locale: Locale, now = new Date()) {
  return createFormatter({ locale, timeZone: TIME_ZONE, now });
}
