import { isLocale } from "../i18n/locales";
import type { ThemeKeywords } from "./default-themes";

// The one definition of "this comment is about that theme", used when a comment arrives and when past comments
// are tagged again after a tenant edits a theme's keywords.

/** Lower case without accents, so "Qualität", "qualitat" and "QUALITÄT" are one word. "ł" has no accent to drop. */
export function normalizeText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");
}

function words(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

type Pattern = { words: string[]; prefix: boolean };

/** "wait*" is a stem: any word starting with "wait". "out of stock" is a phrase: those words in a row. */
export function keywordPattern(keyword: string): Pattern | null {
  const prefix = keyword.trim().endsWith("*");
  const parts = words(keyword);
  return parts.length ? { words: parts, prefix } : null;
}

function matchesAt(text: string[], start: number, pattern: Pattern): boolean {
  return pattern.words.every((word, offset) => {
    const actual = text[start + offset];
    if (actual === undefined) return false;
    const isLast = offset === pattern.words.length - 1;
    return isLast && pattern.prefix ? actual.startsWith(word) : actual === word;
  });
}

export type ThemeMatcher = { id: string; keywords: ThemeKeywords };

/** Ids of the themes whose keywords, in the comment's language, occur in it. Unknown languages try all lists. */
export function themesInComment(comment: string, locale: string, themes: ThemeMatcher[]): string[] {
  const text = words(comment);
  if (text.length === 0) return [];
  return themes
    .filter((theme) => {
      const lists = isLocale(locale) ? [theme.keywords[locale] ?? []] : Object.values(theme.keywords);
      const patterns = lists.flat().map(keywordPattern).filter((pattern): pattern is Pattern => pattern !== null);
      return patterns.some((pattern) => text.some((_, start) => matchesAt(text, start, pattern)));
    })
    .map((theme) => theme.id);
}
