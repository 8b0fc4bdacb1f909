// Confidence intervals for proportions, pure so that tests check them against published values.

const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/** Wilson's score interval for x successes out of n (Wilson 1927); null when n = 0. */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type Difference = { difference: number; low: number; high: number; significant: boolean };

/**
 * The difference p1 − p2 of two independent proportions with its 95% interval by Newcombe's hybrid score method
 * (Newcombe 1998, method 10), which keeps its coverage for small samples and rates near 0 or 1 where the Wald
 * interval fails. Significant when the interval excludes 0. Null while either group is empty.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): Difference | null {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (!first || !second) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const low = difference - Math.sqrt((p1 - first.low) ** 2 + (second.high - p2) ** 2);
  const high = difference + Math.sqrt((first.high - p1) ** 2 + (p2 - second.low) ** 2);
  return { difference, low, high, significant: low > 0 || high < 0 };
}
