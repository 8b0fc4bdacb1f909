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

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  nl: "Nederlands",
  pl: "Polski",
  fr: "Français",
};
