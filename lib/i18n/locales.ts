import Negotiator from "negotiator";

export const LOCALES = ["en", "de", "nl", "pl", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The contact's language when we speak it, else the tenant's default, else English. */
export function resolveLocale(contactLocale: string | null | undefined, tenantDefault: string): Locale {
  const base = contactLocale?.slice(0, 2).toLowerCase();
  if (isLocale(base)) return base;
  return isLocale(tenantDefault) ? tenantDefault : "en";
}

/** The browser's most preferred language that we speak ("de-CH,de;q=0.9,en;q=0.5" → "de"), or null. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages([...LOCALES]);
  return isLocale(best) ? best : null;
}

/**
 * A staff member's language: the one picked on their profile, else the browser's, else the tenant's default for
 * staff, else English. Emails have no browser: they pass acceptLanguage null.
 */
export function resolveStaffLocale(choice: {
  userLocale: string | null | undefined;
  acceptLanguage: string | null | undefined;
  tenantDefault: string | null | undefined;
}): Locale {
  if (isLocale(choice.userLocale)) return choice.userLocale;
  return negotiateLocale(choice.acceptLanguage) ?? (isLocale(choice.tenantDefault) ? choice.tenantDefault : "en");
}

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  nl: "Nederlands",
  pl: "Polski",
  fr: "Français",
};
