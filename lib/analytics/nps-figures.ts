import { npsSummary, type CategoryCounts, type NpsSummary } from "../responses/nps";

// When an NPS may be shown as a number, and when two of them differ for real. Pages, exports and the API use
// these, never their own thresholds.

/** Under this many responses an NPS is shown as "too few responses": its margin would be ±30 points or more. */
export const MIN_RESPONSES = 30;

export type NpsFigure = NpsSummary & { tooFew: boolean };

export function npsFigure(counts: CategoryCounts): NpsFigure {
  const summary = npsSummary(counts);
  // Added to the summary rather than spread into a copy: a leaderboard makes thousands of these per view.
  return Object.assign(summary, { tooFew: summary.responses < MIN_RESPONSES });
}

/** Counts per category from a 0–10 histogram, as an NPS figure. */
export function npsFigureOfScores(scores: readonly number[]): NpsFigure {
  const sum = (from: number, to: number) => scores.slice(from, to + 1).reduce((total, count) => total + count, 0);
  return npsFigure({ detractors: sum(0, 6), passives: sum(7, 8), promoters: sum(9, 10) });
}

export type NpsDifference = {
  /** a − b in NPS points. */
  difference: number;
  /** Half-width of the 95% confidence interval of the difference. */
  marginOfError: number;
  /** The interval excludes zero: the two NPS differ for real, not by the luck of who answered. */
  significant: boolean;
};

/**
 * The difference of two NPS from independent samples (two periods, or a store and the rest of the company).
 * Each NPS's variance per response is p + d − (p − d)²; the difference's variance is the sum of both over n.
 * Null when either side has too few responses to compare.
 */
export function npsDifference(a: NpsSummary, b: NpsSummary): NpsDifference | null {
  if (a.responses < MIN_RESPONSES || b.responses < MIN_RESPONSES || a.nps === null || b.nps === null) return null;
  const difference = a.nps - b.nps;
  const marginOfError = 1.96 * Math.sqrt(varianceOf(a) + varianceOf(b)) * 100;
  return { difference, marginOfError, significant: Math.abs(difference) > marginOfError };
}

function varianceOf(summary: NpsSummary): number {
  const p = summary.promoters / summary.responses;
  const d = summary.detractors / summary.responses;
  return (p + d - (p - d) ** 2) / summary.responses;
}
