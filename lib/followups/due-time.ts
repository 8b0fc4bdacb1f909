import { TZDate } from "@date-fns/tz";
import { addMinutes } from "date-fns";

export type BusinessHours = {
  timeZone: string;
  /** Minutes after local midnight; null with closesAt = no business hours, the SLA runs around the clock. */
  opensAt: number | null;
  closesAt: number | null;
  /** ISO weekdays open, e.g. "123456" = Monday to Saturday. */
  openDays: string;
};

const DAY_MINUTES = 24 * 60;

/**
 * When a follow-up opened at `start` is due: `slaHours` later, counting only the store's business hours in its
 * own time zone (a detractor at 21:00 with a 2-hour SLA is due 2 hours after opening the next morning).
 */
export function dueTimeAfter(start: Date, slaHours: number, hours: BusinessHours | null): Date {
  if (!hours || hours.opensAt === null || hours.closesAt === null) return addMinutes(start, slaHours * 60);
  let remaining = slaHours * 60;
  let cursor = new TZDate(start.getTime(), hours.timeZone);
  // A year of closed days means a store that never opens; stop rather than loop for ever.
  for (let day = 0; day < 366; day++) {
    const midnight = new TZDate(cursor.getFullYear(), cursor.getMonth(), cursor.getDate(), hours.timeZone);
    const opens = localTime(midnight, hours.opensAt, hours.timeZone);
    const closes = localTime(midnight, hours.closesAt, hours.timeZone);
    if (isOpenDay(midnight, hours.openDays) && cursor.getTime() < closes.getTime()) {
      const from = Math.max(cursor.getTime(), opens.getTime());
      const available = (closes.getTime() - from) / 60_000;
      if (remaining <= available) return new Date(from + remaining * 60_000);
      remaining -= available;
    }
    cursor = localTime(midnight, DAY_MINUTES, hours.timeZone);
  }
  return addMinutes(start, slaHours * 60);
}

// Wall-clock time on the day of `midnight`; built from fields so that a DST change that day is honoured.
function localTime(midnight: TZDate, minutes: number, timeZone: string): TZDate {
  return new TZDate(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), 0, minutes, timeZone);
}

function isOpenDay(date: TZDate, openDays: string): boolean {
  const isoWeekday = date.getDay() === 0 ? 7 : date.getDay();
  return openDays.includes(String(isoWeekday));
}
