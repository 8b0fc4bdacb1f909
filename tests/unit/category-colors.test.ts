import { hex as contrast } from "wcag-contrast";
import { describe, expect, it } from "vitest";
import { CATEGORY_COLORS } from "@/lib/responses/category-colors";

// WCAG 2.1 AA: 4.5:1 for text (1.4.3); charts' bars and lines need 3:1 (1.4.11), and the mark is also used for
// buttons and large text on white, so it is held to 4.5:1 as well.
describe("category colours", () => {
  for (const [category, colors] of Object.entries(CATEGORY_COLORS)) {
    it(`${category}: the button's text contrasts at least 4.5:1 with its colour`, () => {
      expect(contrast(colors.text, colors.background)).toBeGreaterThanOrEqual(4.5);
    });
    it(`${category}: the mark contrasts at least 4.5:1 with white`, () => {
      expect(contrast(colors.mark, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    });
  }
});
