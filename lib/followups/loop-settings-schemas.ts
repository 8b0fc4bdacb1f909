import { z } from "zod";

const checkbox = z.union([z.literal("on"), z.literal("yes"), z.literal("")]).optional().transform((v) => v === "on" || v === "yes");
const url = z
  .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s) address" })])
  .optional()
  .transform((v) => v || null);
const whole = (label: string, min: number, max: number) =>
  z.coerce.number(`Enter ${label}`).int("Whole numbers only").min(min, `At least ${min}`).max(max, `At most ${max}`);

export const surveyLoopSettingsSchema = z.object({
  alertPassives: checkbox,
  passiveFollowUps: checkbox,
  passiveSlaHours: whole("a number of hours", 1, 24 * 30),
  resurveyAfterDays: whole("a number of days", 0, 365),
  holdoutPercent: whole("a percentage", 0, 50),
  referralUrl: url,
});

// "09:00" → 540 minutes after midnight; empty = no business hours.
const clock = z
  .union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time like 09:00")])
  .optional()
  .transform((v) => (v ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)) : null));

export const storeLoopSettingsSchema = z
  .object({
    followUpSlaHours: z
      .union([z.literal(""), whole("a number of hours", 1, 24 * 14)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone such as Europe/Berlin"),
    opensAt: clock,
    closesAt: clock,
    openDays: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => [...new Set([v ?? []].flat())].filter((d) => /^[1-7]$/.test(d)).sort().join(""))
      .refine((v) => v.length > 0, "Choose at least one day"),
    reviewUrl: url,
  })
  .refine((s) => (s.opensAt === null) === (s.closesAt === null), { message: "Give both opening and closing time, or neither", path: ["closesAt"] })
  .refine((s) => s.opensAt === null || s.closesAt === null || s.opensAt < s.closesAt, { message: "Closes after it opens", path: ["closesAt"] });

export const regionManagerSchema = z.object({ membershipId: z.string().trim().max(64).optional().transform((v) => v || null) });

export const customerServiceTeamSchema = z.object({
  membershipIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set([v ?? []].flat())].filter(Boolean)),
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export type SurveyLoopSettings = z.infer<typeof surveyLoopSettingsSchema>;
export type StoreLoopSettings = z.infer<typeof storeLoopSettingsSchema>;
