import { TZDate } from "@date-fns/tz";
import { format, type Locale as DateLocale } from "date-fns";
import { de, enGB, fr, nl, pl } from "date-fns/locale";
import type { Locale } from "../i18n/locales";

const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, de, nl, pl, fr };

/**
 * A moment as the store's people read it: their own wall clock, e.g. "Tue 24 Nov, 14:30 (Europe/Berlin)" or
 * "Di. 24 Nov., 14:30 (Europe/Berlin)"; the weekday helps in an email ("call back by Tuesday"), pages showing many
 * dates leave it out.
 */
export function localTimeText(
  date: Date,
  timeZone: string | null | undefined,
  options: { weekday?: boolean; locale?: Locale } = {},
): string {
  const zone = timeZone || "UTC";
  const pattern = options.weekday === false ? "d MMM yyyy, HH:mm" : "EEE d MMM, HH:mm";
  const text = format(new TZDate(date.getTime(), zone), pattern, { locale: DATE_LOCALES[options.locale ?? "en"] });
  return `${text}${zone === "UTC" ? " UTC" : ` (${zone})`}`;
}
