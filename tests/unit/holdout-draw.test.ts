import { describe, expect, it } from "vitest";
import { drawGroup } from "@/lib/experiments/holdout";

const share = (percent: number, draws: number) =>
  Array.from({ length: draws }, () => drawGroup(percent)).filter((group) => group === "holdout").length / draws;

describe("the holdout draw", () => {
  // 20,000 draws, within 5 standard errors of the share (±1.1 points at 10%, ±1.8 at 50%): a real bias of that size
  // fails, chance alone about once in two million runs.
  it.each([10, 25, 50])("puts %i%% of detractors in the holdout, within the sampling error, over many draws", (percent) => {
    const draws = 20_000;
    const p = percent / 100;
    const tolerance = 5 * Math.sqrt((p * (1 - p)) / draws);
    expect(Math.abs(share(percent, draws) - p)).toBeLessThan(tolerance);
  });

  it("puts nobody in the holdout when the share is 0 (the experiment is off)", () => {
    expect(share(0, 5_000)).toBe(0);
  });

  it("follows the random number it is given: below the share is holdout, at or above it contacted", () => {
    expect(drawGroup(10, () => 0.0999)).toBe("holdout");
    expect(drawGroup(10, () => 0.1)).toBe("contacted");
  });
});
