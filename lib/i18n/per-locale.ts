import type { Locale } from "./locales";

/** A mail to many staff: one rendering per language among the recipients, not one per recipient. */
export function perLocale<T>(render: (locale: Locale) => Promise<T>): (locale: Locale) => Promise<T> {
  const rendered = new Map<Locale, Promise<T>>();
  return (locale) => {
    if (!rendered.has(locale)) rendered.set(locale, render(locale));
    return rendered.get(locale)!;
  };
}
