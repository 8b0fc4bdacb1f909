import { z } from "zod";
import { contactInputSchema } from "../contacts/schemas";

// The tenant's sending rules as the settings form and the API state them (no server imports: shared with forms).

const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time like 21:00")
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

export const sendingPolicyInputSchema = z
  .object({
    throttleDays: z.coerce.number("A number of days").int("Whole days").min(0, "0 or more").max(365, "At most 365"),
    quietHoursStart: z.union([z.literal(""), clock]).optional().transform((v) => (v === "" || v === undefined ? null : v)),
    quietHoursEnd: z.union([z.literal(""), clock]).optional().transform((v) => (v === "" || v === undefined ? null : v)),
    timeZone: z.string().trim().refine(isTimeZone, "An IANA time zone such as Europe/Berlin"),
  })
  .refine((p) => (p.quietHoursStart === null) === (p.quietHoursEnd === null), {
    message: "Give both the start and the end of the quiet hours, or neither",
    path: ["quietHoursEnd"],
  })
  .refine((p) => p.quietHoursStart === null || p.quietHoursStart !== p.quietHoursEnd, {
    message: "The quiet hours cannot start and end at the same time",
    path: ["quietHoursEnd"],
  });

export type SendingPolicyInput = z.infer<typeof sendingPolicyInputSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** 1260 → "21:00". */
export function clockText(minutes: number | null): string {
  if (minutes === null) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The staff form's "send a survey" to one customer. */
export const surveySendInputSchema = contactInputSchema.extend({
  surveyId: z.string().trim().optional().transform((v) => v || null),
  storeId: z.string().trim().optional().transform((v) => v || null),
});

export type SurveySendInput = z.infer<typeof surveySendInputSchema>;
