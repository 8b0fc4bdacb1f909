import { appendFileSync, mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe on the page at WCAG 2.1 A and AA, notes the result per page in test-results/e2e/axe-results.jsonl (for
 * the record of what was checked) and fails, softly so that one run lists every page's violations, on any violation.
 */
export async function expectNoAxeViolations(page: Page, name: string) {
  // An email shown in a sandboxed frame (the digest preview) runs no script, axe's neither: it would wait for the
  // frame's answer to the end. The emails' own markup is checked on the messages themselves (tests/unit/emails).
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).exclude("iframe[sandbox]").analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}) ×${violation.nodes.length}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`,
  );
  mkdirSync("test-results/e2e", { recursive: true });
  appendFileSync(
    "test-results/e2e/axe-results.jsonl",
    `${JSON.stringify({ page: name, url: page.url(), passes: results.passes.length, violations })}\n`,
  );
  expect.soft(violations, `axe (WCAG 2.1 AA) on ${name}`).toEqual([]);
}

/** No horizontal scrolling: the document is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page, name: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect.soft(scrollWidth, `${name} is no wider than the ${width}px screen`).toBeLessThanOrEqual(width);
}

/** The element that has the keyboard focus shows it: an outline of at least 2px. */
export async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style, "the focused element has an outline").not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
}
