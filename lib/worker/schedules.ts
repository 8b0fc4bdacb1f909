import parser from "cron-parser";
import { RETENTION_CRON } from "../privacy/retention";
import type { JobKind } from "../queue/queues";

// Cron schedules (UTC). Monday 06:00: every store's week has ended (UTC−12 … UTC+14), in time for the morning
// meeting in Europe.
export const SCHEDULES: [JobKind, string][] = [
  ["sweep", "* * * * *"],
  ["sendingSweep", "* * * * *"],
  ["weeklyDigests", "0 6 * * 1"],
  ["retention", RETENTION_CRON],
  ["signInSweep", "17 * * * *"],
];

/** When a schedule fires next after `now`, as pg-boss reads the same cron expression (with cron-parser, in UTC). */
export function nextRunOf(cron: string, now: Date): Date {
  return parser.parseExpression(cron, { currentDate: now, tz: "UTC" }).next().toDate();
}
