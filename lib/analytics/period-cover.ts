import { addDays, addMonths, addYears } from "date-fns";
import type { DateRange } from "./date-range";

// Which rollup periods add up to a range. The rollups keep a row per key for every day, week (from Monday), month
// and year (UTC) that has data, so a range can be read as a few coarse periods instead of hundreds of days. A range
// whose edges fall inside a period can also be read as the whole period less what lies outside it: the 90 days to
// today as four months less a few days of the first, plus nothing for the days after today, which hold no rows.
// Which way costs fewer rows is decided by counting the periods that hold data.

export type Grain = "day" | "week" | "month" | "year";

/** A rollup period and how many times its counts are added (+1) or taken off (−1) to make up a range. */
export type WeightedPeriod = { grain: Grain; start: Date; weight: number };

type Cover = Map<string, WeightedPeriod>;

const COARSEST_FIRST: readonly Grain[] = ["year", "month", "week", "day"];

export function startOfPeriod(grain: Grain, date: Date): Date {
  const year = date.getUTCFullYear();
  if (grain === "year") return new Date(Date.UTC(year, 0, 1));
  if (grain === "month") return new Date(Date.UTC(year, date.getUTCMonth(), 1));
  const day = new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
  return grain === "week" ? addDays(day, -((day.getUTCDay() + 6) % 7)) : day;
}

export function nextPeriod(grain: Grain, start: Date): Date {
  if (grain === "year") return addYears(start, 1);
  if (grain === "month") return addMonths(start, 1);
  return addDays(start, grain === "week" ? 7 : 1);
}

/** Consecutive periods of one grain, from the first one's start up to the day after the last one. */
export type PeriodRun = { grain: Grain; from: Date; to: Date };

/**
 * The periods inside a range that cover it exactly once, all counted as they are: whole periods of the first grain,
 * then of the next at the edges, down to single days. For readers whose rows must each lie inside one bucket (a
 * trend's week or month); totals read the fewer periods of periodsOfRange.
 */
export function periodsInside(range: DateRange, grains: readonly Grain[]): PeriodRun[] {
  const { from, to } = range;
  if (from >= to) return [];
  const [coarsest, ...finer] = grains;
  if (!coarsest || coarsest === "day") return [{ grain: "day", from, to }];
  const start = startOfPeriod(coarsest, from);
  const first = start.getTime() === from.getTime() ? from : nextPeriod(coarsest, start);
  const last = startOfPeriod(coarsest, to);
  if (first >= last) return periodsInside(range, finer);
  return [...periodsInside({ from, to: first }, finer), { grain: coarsest, from: first, to: last }, ...periodsInside({ from: last, to }, finer)];
}

/**
 * The periods whose weighted counts add up to exactly the range's, choosing per edge between the periods inside the
 * range and a whole period less the part outside, whichever reads fewer periods with data (`dataDays`: the tenant's
 * first day with data up to the day after its last; null: count every period). Exact whatever the data: every day
 * of the range is counted once and every other day not at all (tests/unit/analytics/period-cover.test.ts).
 */
export function periodsOfRange(range: DateRange, dataDays: DateRange | null, grains: readonly Grain[] = COARSEST_FIRST): WeightedPeriod[] {
  const cost = (cover: Cover) => [...cover.values()].filter((period) => holdsData(period, dataDays)).length;
  return [...coverOf(range.from, range.to, grains, cost).values()];
}

function coverOf(from: Date, to: Date, grains: readonly Grain[], cost: (cover: Cover) => number): Cover {
  if (from >= to) return new Map();
  const [grain, ...finer] = grains;
  if (finer.length === 0) return periodsBetween(grain, from, to);
  const finerCover = (start: Date, end: Date) => coverOf(start, end, finer, cost);
  const first = startOfPeriod(grain, from);
  const last = startOfPeriod(grain, to);
  const fromIsStart = first.getTime() === from.getTime();
  const toIsStart = last.getTime() === to.getTime();
  const afterFirst = fromIsStart ? from : nextPeriod(grain, first);
  const afterLast = toIsStart ? to : nextPeriod(grain, last);
  const cheapest = (...covers: Cover[]) =>
    covers.reduce((best, cover) => {
      const [a, b] = [cost(cover), cost(best)];
      return a < b || (a === b && cover.size < best.size) ? cover : best;
    });

  if (afterFirst <= last) {
    // Whole periods in the middle: finer ones there would be at least as many with data, so only the edges choose.
    const head = fromIsStart ? new Map() : cheapest(finerCover(from, afterFirst), sum(periodsBetween(grain, first, afterFirst), finerCover(first, from), -1));
    const tail = toIsStart ? new Map() : cheapest(finerCover(last, to), sum(periodsBetween(grain, last, afterLast), finerCover(to, afterLast), -1));
    return sum(sum(head, periodsBetween(grain, afterFirst, last)), tail);
  }
  // Both edges inside one period: finer periods, or the whole period less its parts before and after the range.
  const whole = sum(sum(periodsBetween(grain, first, afterLast), finerCover(first, from), -1), finerCover(to, afterLast), -1);
  return cheapest(finerCover(from, to), whole);
}

/** Every period of the grain from `from` up to `to`, both period starts, weight 1. */
function periodsBetween(grain: Grain, from: Date, to: Date): Cover {
  const cover: Cover = new Map();
  for (let start = from; start < to; start = nextPeriod(grain, start)) cover.set(keyOf(grain, start), { grain, start, weight: 1 });
  return cover;
}

/** a + sign × b, per period; periods whose weights cancel out are left out. */
function sum(a: Cover, b: Cover, sign = 1): Cover {
  const total = new Map(a);
  for (const [key, period] of b) {
    const weight = (total.get(key)?.weight ?? 0) + sign * period.weight;
    if (weight === 0) total.delete(key);
    else total.set(key, { ...period, weight });
  }
  return total;
}

function holdsData(period: WeightedPeriod, dataDays: DateRange | null): boolean {
  return dataDays === null || (period.start < dataDays.to && nextPeriod(period.grain, period.start) > dataDays.from);
}

function keyOf(grain: Grain, start: Date): string {
  return `${grain}:${start.getTime()}`;
}
