import { describe, expect, it } from "vitest";
import { newcombeDifference, wilsonInterval } from "@/lib/experiments/confidence";

// Published values: Newcombe RG, "Interval estimation for the difference between independent proportions:
// comparison of eleven methods", Statistics in Medicine 1998;17:873–890, Table II, method 10 (score, no CC);
// and the Wilson interval for 81/263 from his companion paper on single proportions (same issue, 857–872).
describe("the confidence interval arithmetic", () => {
  it("gives Wilson's score interval for a single proportion", () => {
    const interval = wilsonInterval(81, 263)!;
    expect(interval.low).toBeCloseTo(0.2553, 4);
    expect(interval.high).toBeCloseTo(0.3662, 4);
  });

  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1.0],
  ])("matches Newcombe's published interval for %i/%i − %i/%i", (x1, n1, x2, n2, low, high) => {
    const result = newcombeDifference(x1, n1, x2, n2)!;
    expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 10);
    expect(result.low).toBeCloseTo(low, 4);
    expect(result.high).toBeCloseTo(high, 4);
  });

  it("calls a difference significant only when its interval excludes 0", () => {
    expect(newcombeDifference(56, 70, 48, 80)!.significant).toBe(true);
    expect(newcombeDifference(5, 56, 0, 29)!.significant).toBe(false);
    expect(newcombeDifference(2, 10, 9, 10)!.significant).toBe(true);
  });

  it("has nothing to say while a group has no answers", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(newcombeDifference(3, 4, 0, 0)).toBeNull();
  });
});
