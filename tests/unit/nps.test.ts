import { describe, expect, it } from "vitest";
import { categoryOf, countsFromDistribution, isScore, npsSummary } from "@/lib/responses/nps";

describe("score categories", () => {
  it("puts 0 to 6 in detractors, 7 and 8 in passives, 9 and 10 in promoters", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(categoryOf)).toEqual(Array(7).fill("detractor"));
    expect([7, 8].map(categoryOf)).toEqual(["passive", "passive"]);
    expect([9, 10].map(categoryOf)).toEqual(["promoter", "promoter"]);
  });

  it("refuses anything that is not a whole number from 0 to 10", () => {
    for (const bad of [-1, 11, 3.5, Number.NaN]) {
      expect(isScore(bad)).toBe(false);
      expect(() => categoryOf(bad)).toThrow(RangeError);
    }
  });
});

describe("NPS arithmetic", () => {
  it("is the share of promoters minus the share of detractors", () => {
    const summary = npsSummary({ promoters: 50, passives: 30, detractors: 20 });
    expect(summary.nps).toBeCloseTo(30);
    expect(summary.responses).toBe(100);
  });

  it("ranges from -100 (all detractors) to +100 (all promoters)", () => {
    expect(npsSummary({ promoters: 0, passives: 0, detractors: 7 }).nps).toBe(-100);
    expect(npsSummary({ promoters: 7, passives: 0, detractors: 0 }).nps).toBe(100);
  });

  it("has no NPS and no margin without responses", () => {
    expect(npsSummary({ promoters: 0, passives: 0, detractors: 0 })).toMatchObject({ nps: null, marginOfError: null });
  });

  it("gives the 95% margin of error of a difference of two proportions of one sample", () => {
    // p = 0.5, d = 0.2, n = 100: variance = (0.7 - 0.09) / 100 = 0.0061, margin = 1.96 * 0.0781 * 100 = 15.3
    expect(npsSummary({ promoters: 50, passives: 30, detractors: 20 }).marginOfError).toBeCloseTo(15.31, 1);
  });

  it("narrows the margin as responses grow", () => {
    const small = npsSummary({ promoters: 5, passives: 3, detractors: 2 }).marginOfError!;
    const large = npsSummary({ promoters: 500, passives: 300, detractors: 200 }).marginOfError!;
    expect(large).toBeLessThan(small / 5);
  });

  it("counts categories from a 0-10 histogram", () => {
    const distribution = [1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6];
    expect(countsFromDistribution(distribution)).toEqual({ detractors: 3, passives: 7, promoters: 11 });
  });
});
