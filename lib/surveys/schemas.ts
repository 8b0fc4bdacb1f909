import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const surveySettingsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "At most 120 characters"),
  followUpSlaHours: z.coerce
    .number("Enter a number of hours")
    .int("Whole hours only")
    .min(1, "At least 1 hour")
    .max(24 * 14, "At most 14 days"),
  reviewUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s) address" })])
    .optional()
    .transform((v) => v || null),
});

const text = (max: number) => z.string().trim().min(1, "This text cannot be empty").max(max, `At most ${max} characters`);

export const surveyTextSchema = z.object({
  locale: z.enum(LOCALES, "Choose a language"),
  emailSubject: text(150),
  question: text(300),
  detractorPrompt: text(300),
  passivePrompt: text(300),
  promoterPrompt: text(300),
  thankYou: text(500),
});

export type SurveySettings = z.infer<typeof surveySettingsSchema>;
export type SurveyTextInput = z.infer<typeof surveyTextSchema>;
