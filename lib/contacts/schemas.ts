import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const phoneSchema = z
  .string()
  .trim()
  .max(32, "At most 32 characters")
  .regex(/^\+?[0-9 ()./-]{5,}$/, "Enter a phone number such as +49 30 1234567");

export const contactInputSchema = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  name: z.string().trim().max(120, "At most 120 characters").optional().transform((v) => v || null),
  phone: z.union([z.literal(""), phoneSchema]).optional().transform((v) => v || null),
  locale: z.enum(LOCALES, "Choose a language"),
});

export type ContactInput = z.infer<typeof contactInputSchema>;
