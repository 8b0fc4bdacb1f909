import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import type { Category } from "@/lib/responses/nps";

/**
 * Bars of the three categories differ by more than colour (WCAG 1.4.1): detractors solid, passives hatched,
 * promoters dotted. Render <CategoryPatterns> inside the chart; the ids are per chart so that two charts on a page
 * never share one.
 */
export function CategoryPatterns({ idPrefix }: { idPrefix: string }) {
  const passive = CATEGORY_COLORS.passive.mark;
  const promoter = CATEGORY_COLORS.promoter.mark;
  return (
    <defs>
      <pattern id={`${idPrefix}-passive`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={passive} />
        <rect width="2" height="6" fill="#ffffff" />
      </pattern>
      <pattern id={`${idPrefix}-promoter`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={promoter} />
        <circle cx="3" cy="3" r="1.2" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

export function categoryFill(idPrefix: string, category: Category): string {
  return category === "detractor" ? CATEGORY_COLORS.detractor.mark : `url(#${idPrefix}-${category})`;
}
