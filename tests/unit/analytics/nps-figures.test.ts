import { describe, expect, it } from "vitest";
import { MIN_RESPONSES, npsDifference, npsFigure, npsFigureOfScores } from "@/lib/analytics/nps-figures";

const figure = (promoters: number, passives: number, detractors: number) => npsFigure({ promoters, passives, detractors });

describe("an NPS figure", () => {
  it("is too few responses under the minimum n, and a figure from it on", () => {
    expect(figure(10, 9, 10).tooFew).toBe(true);
    expect(MIN_RESPONSES).toBe(30);
    expect(figure(10, 10, 10)).toMatchObject({ responses: 30, nps: 0, tooFew: false });
  });

  it("reads a 0–10 histogram: 0–6 detractors, 7–8 passives, 9–10 promoters", () => {
    expect(npsFigureOfScores([1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5])).toMatchObject({ detractors: 3, passives: 3, promoters: 9, responses: 15 });
  });
});

describe("the difference between two NPS", () => {
  it("is significant when the 95% interval of the difference excludes zero", () => {
    // 60/20/20 (NPS 40) against 40/20/40 (NPS 0), 400 responses each: difference 40 ± ~11.
    const change = npsDifference(figure(240, 80, 80), figure(160, 80, 160))!;
    expect(change.difference).toBeCloseTo(40, 6);
    expect(change.marginOfError).toBeCloseTo(1.96 * Math.sqrt((0.8 - 0.16) / 400 + 0.8 / 400) * 100, 6);
    expect(change.significant).toBe(true);
  });

  it("is not significant when it lies within the margin of error", () => {
    // NPS 10 against NPS 0 on 50 responses each: the margin is about ±34 points.
    const change = npsDifference(figure(20, 15, 15), figure(15, 20, 15))!;
    expect(change.difference).toBeCloseTo(10, 6);
    expect(change.significant).toBe(false);
  });

  it("is not computed when either side has too few responses", () => {
    expect(npsDifference(figure(29, 0, 0), figure(0, 0, 100))).toBeNull();
    expect(npsDifference(figure(0, 0, 100), figure(0, 0, 0))).toBeNull();
  });
});
