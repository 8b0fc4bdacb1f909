import { describe, expect, it } from "vitest";
import { DEFAULT_THEMES } from "@/lib/themes/default-themes";
import { keywordPattern, normalizeText, themesInComment } from "@/lib/themes/match-themes";
import { COMMENTS } from "@/prisma/seed/comments";

const themes = DEFAULT_THEMES.map((theme) => ({ id: theme.name, keywords: theme.keywords }));
const tag = (comment: string, locale: string) => themesInComment(comment, locale, themes).sort();

describe("tagging a comment with themes", () => {
  it("matches stems as word prefixes and plain keywords as whole words", () => {
    const custom = [{ id: "wait", keywords: { en: ["wait*", "till"], de: [], nl: [], pl: [], fr: [] } }];
    expect(themesInComment("We waited ages", "en", custom)).toEqual(["wait"]);
    expect(themesInComment("Until the end", "en", custom)).toEqual([]);
    expect(themesInComment("At the till", "en", custom)).toEqual(["wait"]);
    expect(themesInComment("Await nothing", "en", custom)).toEqual([]);
  });

  it("matches phrases as words in a row", () => {
    const custom = [{ id: "stock", keywords: { en: ["out of stock"], de: [], nl: [], pl: [], fr: [] } }];
    expect(themesInComment("Milk was OUT of stock again", "en", custom)).toEqual(["stock"]);
    expect(themesInComment("out of the stock room", "en", custom)).toEqual([]);
  });

  it("ignores case and accents, in every language", () => {
    expect(normalizeText("QUALITÄT Être Łódź")).toBe("qualitat etre łodz");
    expect(keywordPattern("Caisse*")).toEqual({ words: ["caisse"], prefix: true });
    expect(tag("Die Qualitat war schlecht", "de")).toEqual(["Product quality"]);
  });

  it("uses the keywords of the comment's language", () => {
    expect(tag("Wir haben an der Kasse gewartet", "de")).toEqual(["Checkout and payment", "Waiting time"]);
    expect(tag("Wir haben an der Kasse gewartet", "en")).toEqual([]);
    expect(tag("Długo czekałem w kolejce do kasy", "pl")).toEqual(["Checkout and payment", "Waiting time"]);
    expect(tag("Le personnel était très aimable", "fr")).toEqual(["Staff friendliness"]);
    expect(tag("Lang gewacht bij de kassa", "nl")).toEqual(["Checkout and payment", "Waiting time"]);
  });

  it("finds a theme in most of the demo's detractor comments in all five languages", () => {
    for (const [locale, byCategory] of Object.entries(COMMENTS)) {
      const tagged = byCategory.detractor.filter((comment) => tag(comment, locale).length > 0);
      expect(tagged.length / byCategory.detractor.length, locale).toBeGreaterThanOrEqual(0.75);
    }
  });
});
