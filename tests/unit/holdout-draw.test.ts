import { describe, expect, it } from "vitest";
import { drawGroup } from "@/lib/experiments/holdout";

const share = (percent: number, draws: number) =>
  Array.from({ length: draws }, () => drawGroup(percent)).filter((group) => group === "holdout").length / draws;

describe("the holdout draw", () => {
  // 20,000 draws: the standard error at 10% is 0.21 points, so ±1 point is a 4.7-sigma tolerance.
  it.each([10, 25, 50])("puts %i%% of detractors in the holdout, within a point, over many draws", (percent) => {
    expect(share(percent, 20_000)).toBeGreaterThan(percent / 100 - 0.01);
    expect(share(percent, 20_000)).toBeLessThan(percent / 100 + 0.01);
  });

  it("puts nobody in the holdout when the share is 0 (the experiment is off)", () => {
    expect(share(0, 5_000)).toBe(0);
  });

  it("follows the random number it is given: below the share is holdout, at or above it contacted", () => {
    expect(drawGroup(10, () => 0.0999)).toBe("holdout");
    expect(drawGroup(10, () => 0.1)).toBe("contacted");
  });
});
