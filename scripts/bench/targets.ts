// A bench's targets, each printed beside its figure; the bench exits non-zero when one is missed, so that a script
// or CI step running it can tell.

const missed: string[] = [];

export function target(description: string, met: boolean): void {
  console.log(`target: ${description} → ${met ? "met" : "NOT met"}`);
  if (!met) missed.push(description);
}

export function targetsExitCode(): number {
  return missed.length === 0 ? 0 : 1;
}

/** Milliseconds per unit of work, for the CPU figures. */
export const perUnit = (ms: number, units: number) => (units > 0 ? ms / units : NaN).toFixed(2);
