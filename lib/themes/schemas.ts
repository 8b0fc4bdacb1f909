import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locales";
import type { ThemeKeywords } from "./default-themes";

export const KEYWORD_MAX_LENGTH = 40;

const KEYWORD = /^[\p{L}\p{N}][\p{L}\p{N} '’-]*\*?$/u;

// One textarea per language; keywords separated by commas or new lines. Problems are reported on the textarea.
const keywordList = z
  .string()
  .optional()
  .transform((text) => [...new Set((text ?? "").split(/[,\n]/).map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))])
  .superRefine((keywords, ctx) => {
    const bad = keywords.find((keyword) => !KEYWORD.test(keyword) || keyword.length > KEYWORD_MAX_LENGTH);
    if (bad) {
      ctx.addIssue({
        code: "custom",
        message: `"${bad.slice(0, KEYWORD_MAX_LENGTH)}" is not a keyword: letters, digits and spaces, at most ${KEYWORD_MAX_LENGTH} characters; a stem ends with *`,
      });
    }
    if (keywords.length > 100) ctx.addIssue({ code: "custom", message: "At most 100 keywords per language" });
  });

export const themeInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  ...(Object.fromEntries(LOCALES.map((locale) => [`keywords_${locale}`, keywordList])) as Record<`keywords_${Locale}`, typeof keywordList>),
});

export type ThemeInput = z.infer<typeof themeInputSchema>;

export function keywordsOf(input: ThemeInput): ThemeKeywords {
  return Object.fromEntries(LOCALES.map((locale) => [locale, input[`keywords_${locale}`]])) as ThemeKeywords;
}

/** Keywords as stored (JSON); anything malformed reads as no keywords rather than breaking tagging. */
export const storedKeywordsSchema = z
  .object(Object.fromEntries(LOCALES.map((locale) => [locale, z.array(z.string()).catch([])])) as Record<Locale, z.ZodCatch<z.ZodArray<z.ZodString>>>)
  .partial()
  .catch({})
  .transform((keywords) => Object.fromEntries(LOCALES.map((locale) => [locale, keywords[locale] ?? []])) as ThemeKeywords);

export const themeUpdateSchema = themeInputSchema.extend({ themeId: z.string().trim().min(1).max(64) });
