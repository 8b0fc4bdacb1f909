import { type Category, categoryOf } from "./nps";

/**
 * The one palette of the three categories, for the email's buttons, the survey pages and the charts. Text on each
 * button reaches WCAG AA's 4.5:1. `mark` is the colour for a bar, a line, a button or large text on white: the
 * passives' amber is too light for that, so they get a darker amber there (tests/unit/category-colors.test.ts).
 */
export const CATEGORY_COLORS: Record<Category, { background: string; text: string; mark: string }> = {
  detractor: { background: "#c53030", text: "#ffffff", mark: "#c53030" },
  passive: { background: "#f0a202", text: "#1a1a1a", mark: "#a06600" },
  promoter: { background: "#1e7a44", text: "#ffffff", mark: "#1e7a44" },
};

export function scoreColor(score: number) {
  return CATEGORY_COLORS[categoryOf(score)];
}
