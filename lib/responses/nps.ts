// The one place where a score becomes a category and counts become an NPS. Pure, so pages, exports and the
// API all agree.

export const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Category = "detractor" | "passive" | "promoter";

export function isScore(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 10;
}

export function categoryOf(score: number): Category {
  if (!isScore(score)) throw new RangeError(`A score is a whole number from 0 to 10, got ${score}`);
  if (score <= 6) return "detractor";
  if (score <= 8) return "passive";
  return "promoter";
}

export type CategoryCounts = { promoters: number; passives: number; detractors: number };

export type NpsSummary = CategoryCounts & {
  responses: number;
  /** −100…+100, null when there are no responses. */
  nps: number | null;
  /** Half-width of the 95% confidence interval in NPS points, null under two responses. */
  marginOfError: number | null;
};

/**
 * NPS = %promoters − %detractors. Its variance treats each response as +1/0/−1 drawn from one sample:
 * Var = (p + d − (p − d)²) / n, so the 95% margin is 1.96·√Var·100 points.
 */
export function npsSummary({ promoters, passives, detractors }: CategoryCounts): NpsSummary {
  const responses = promoters + passives + detractors;
  if (responses === 0) return { promoters, passives, detractors, responses, nps: null, marginOfError: null };
  const p = promoters / responses;
  const d = detractors / responses;
  const nps = (p - d) * 100;
  const variance = (p + d - (p - d) ** 2) / responses;
  const marginOfError = responses < 2 ? null : 1.96 * Math.sqrt(variance) * 100;
  return { promoters, passives, detractors, responses, nps, marginOfError };
}

/** Counts per category from a 0–10 histogram (index = score). */
export function countsFromDistribution(distribution: readonly number[]): CategoryCounts {
  const counts: CategoryCounts = { promoters: 0, passives: 0, detractors: 0 };
  distribution.forEach((count, score) => {
    const category = categoryOf(score);
    if (category === "promoter") counts.promoters += count;
    else if (category === "passive") counts.passives += count;
    else counts.detractors += count;
  });
  return counts;
}
