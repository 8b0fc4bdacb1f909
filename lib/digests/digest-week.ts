import { TZDate } from "@date-fns/tz";
import { addDays, startOfWeek } from "date-fns";

export type Week = { start: Date; end: Date };

/** The Monday-to-Monday week around `date` as the store's clock reads it (so DST weeks are 167 or 169 hours). */
export function weekContaining(date: Date, timeZone: string): Week {
  const monday = startOfWeek(new TZDate(date.getTime(), timeZone), { weekStartsOn: 1 });
  return { start: new Date(monday.getTime()), end: new Date(addDays(monday, 7).getTime()) };
}

/** The last complete week before `now`: what Monday morning's digest reports. */
export function lastCompleteWeek(now: Date, timeZone: string): Week {
  const current = weekContaining(now, timeZone);
  return weekContaining(new Date(current.start.getTime() - 1), timeZone);
}

/** The `count` weeks before `week`, most recent first. */
export function weeksBefore(week: Week, count: number, timeZone: string): Week[] {
  const weeks: Week[] = [];
  let cursor = week;
  for (let i = 0; i < count; i++) {
    cursor = weekContaining(new Date(cursor.start.getTime() - 1), timeZone);
    weeks.push(cursor);
  }
  return weeks;
}

/** "2026-11-16": the week's Monday in the store's calendar, as URLs and idempotency keys name it. */
export function weekKey(week: Week, timeZone: string): string {
  const monday = new TZDate(week.start.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`;
}

/** The week named by a key like "2026-11-16" (any day of it works), in the store's time zone. */
export function weekFromKey(key: string, timeZone: string): Week {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  return weekContaining(new Date(new TZDate(year, month - 1, day, 12, 0, timeZone).getTime()), timeZone);
}
