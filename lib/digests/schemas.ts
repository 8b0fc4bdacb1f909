import { z } from "zod";

/** ?week=YYYY-MM-DD on the printable digest; any day of the week names it. */
const weekKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "A week is named by a date like 2026-11-16");

export const digestWeekSchema = z.object({ week: weekKey.optional() });

/** "Send now" on the digest page: the week it shows. */
export const digestSendSchema = z.object({ week: weekKey });
