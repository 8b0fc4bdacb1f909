import { describe, expect, it } from "vitest";
import { keywordsOf, themeInputSchema } from "@/lib/themes/schemas";

describe("a theme's keyword lists as typed", () => {
  it("are split on commas and new lines, trimmed, lower-cased and de-duplicated", () => {
    const input = themeInputSchema.parse({ name: " Waiting ", keywords_en: "Wait*, queue\nQUEUE,, took ages", keywords_de: "" });
    expect(input.name).toBe("Waiting");
    expect(keywordsOf(input)).toEqual({ en: ["wait*", "queue", "took ages"], de: [], nl: [], pl: [], fr: [] });
  });

  it("reject anything but words, naming the bad keyword on its language's field", () => {
    const result = themeInputSchema.safeParse({ name: "Bad", keywords_fr: "caisse*, =HYPERLINK()" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["keywords_fr", expect.stringMatching(/^"=hyperlink\(\)" is not a keyword/)],
    ]);
  });
});
