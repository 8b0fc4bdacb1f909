import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { nextPeriod, periodsOfRange, type WeightedPeriod } from "@/lib/analytics/period-cover";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** How many times the periods count one day: 1 inside the range, 0 outside, for an exact cover. */
function timesCounted(periods: WeightedPeriod[], date: Date): number {
  return periods.filter((period) => period.start <= date && date < nextPeriod(period.grain, period.start)).reduce((sum, period) => sum + period.weight, 0);
}

function expectExact(range: { from: Date; to: Date }, periods: WeightedPeriod[]) {
  const earliest = periods.reduce((min, period) => (period.start < min ? period.start : min), range.from);
  const latest = periods.reduce((max, period) => {
    const end = nextPeriod(period.grain, period.start);
    return end > max ? end : max;
  }, range.to);
  for (let date = addDays(earliest, -1); date <= latest; date = addDays(date, 1)) {
    const inside = date >= range.from && date < range.to;
    expect(timesCounted(periods, date), `${date.toISOString().slice(0, 10)} of ${range.from.toISOString()}–${range.to.toISOString()}`).toBe(inside ? 1 : 0);
  }
}

/** Seeded, so that a failure names a range that can be replayed. */
function randomDays(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % 2_000;
  };
}

const withData = (periods: WeightedPeriod[], dataDays: { from: Date; to: Date }) =>
  periods.filter((period) => period.start < dataDays.to && nextPeriod(period.grain, period.start) > dataDays.from);

describe("the periods of a range", () => {
  it("count every day of the range once and no other day, for any range and any data", () => {
    const next = randomDays(7);
    for (let i = 0; i < 300; i++) {
      const from = addDays(day("2021-01-01"), next());
      const to = addDays(from, 1 + (next() % 800));
      const dataFrom = addDays(day("2021-01-01"), next());
      const dataDays = i % 3 === 0 ? null : { from: dataFrom, to: addDays(dataFrom, 1 + next()) };
      expectExact({ from, to }, periodsOfRange({ from, to }, dataDays));
    }
  });

  it("reads five years of data to today as one period a year", () => {
    const range = { from: day("2021-12-05"), to: day("2026-12-05") };
    const periods = periodsOfRange(range, range);
    expectExact(range, periods);
    expect(withData(periods, range).map((period) => `${period.grain} ${period.start.toISOString().slice(0, 10)}`)).toEqual([
      "month 2021-12-01",
      "year 2022-01-01",
      "year 2023-01-01",
      "year 2024-01-01",
      "year 2025-01-01",
      "year 2026-01-01",
    ]);
  });

  it("reads the 90 days to today as whole months, less the days before the range in its first month", () => {
    const range = { from: day("2026-09-06"), to: day("2026-12-05") };
    const dataDays = { from: day("2021-12-05"), to: day("2026-12-05") };
    const periods = periodsOfRange(range, dataDays);
    expectExact(range, periods);
    // September less its first five days (read as a week less two days), October, November, December to today.
    expect(withData(periods, dataDays).length).toBeLessThanOrEqual(7);
    expect(periods.filter((period) => period.grain === "month" && period.weight === 1).length).toBe(4);
  });

  it("reads every period inside the range when nothing tells where the data is", () => {
    const range = { from: day("2026-03-02"), to: day("2026-03-09") };
    expect(periodsOfRange(range, null)).toEqual([{ grain: "week", start: day("2026-03-02"), weight: 1 }]);
  });
});
