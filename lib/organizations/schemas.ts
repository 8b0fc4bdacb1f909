import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const brandingSchema = z.object({
  name: z.string().trim().min(1, "Enter the brand name").max(80, "At most 80 characters"),
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour like #1f4e79"),
  defaultLocale: z.enum(LOCALES, "Choose a language"),
});

export type Branding = z.infer<typeof brandingSchema>;
