import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * A moment as the store's people read it: their own wall clock, e.g. "Tue 24 Nov, 14:30 (Europe/Berlin)"; the
 * weekday helps in an email ("call back by Tuesday"), pages showing many dates leave it out.
 */
export function localTimeText(date: Date, timeZone: string | null | undefined, options: { weekday?: boolean } = {}): string {
  const zone = timeZone || "UTC";
  const pattern = options.weekday === false ? "d MMM yyyy, HH:mm" : "EEE d MMM, HH:mm";
  return `${format(new TZDate(date.getTime(), zone), pattern)}${zone === "UTC" ? " UTC" : ` (${zone})`}`;
}
