import { subDays, startOfDay, addDays } from "date-fns";
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date like 2026-01-31");

/** The dashboard's date range from the URL; both ends are whole days, `to` inclusive. Defaults to 90 days. */
export const dateRangeSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .transform(({ from, to }, ctx) => {
    const end = to ? new Date(`${to}T00:00:00Z`) : startOfDay(new Date());
    const start = from ? new Date(`${from}T00:00:00Z`) : subDays(end, 89);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) {
      ctx.addIssue({ code: "custom", message: "The start date must be on or before the end date" });
      return z.NEVER;
    }
    return { from: start, to: addDays(end, 1) };
  });

export type DateRange = { from: Date; to: Date };
