import { pacedLoad } from "../bench/paced-load";
import { BALANCER_URL } from "./settings";

// One API key called at three times its budget for a while, through the balancer, so across all app processes.
// With the limits in Redis the key gets its budget once a window in all; counted per process it would get it
// once per process (three times as much).

/** `windows`: the calls answered in each of the limiter's one-second windows, told apart by X-RateLimit-Reset. */
export type LimitProbe = { statuses: Map<number, number>; windows: Map<string, number>; failures: number };

export async function probeApiLimit(apiKey: string, rate: number, seconds: number): Promise<LimitProbe> {
  const statuses = new Map<number, number>();
  const windows = new Map<string, number>();
  const run = await pacedLoad(rate * seconds, rate, async () => {
    const response = await fetch(`${BALANCER_URL}/api/v1/responses?limit=1`, { headers: { authorization: `Bearer ${apiKey}` } });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const reset = response.headers.get("x-ratelimit-reset");
    if (reset) windows.set(reset, (windows.get(reset) ?? 0) + 1);
  });
  return { statuses, windows, failures: run.failures };
}

/**
 * What one process alone would answer 429 to: in each window, the calls beyond the budget. Counted by the windows
 * the calls reached the limiter in, not by when they were sent: on a busy box a queue of calls can reach it
 * seconds late and spread over more windows than they were sent in.
 */
export function expectedRefusals(probe: LimitProbe, budget: number): number {
  return [...probe.windows.values()].reduce((sum, calls) => sum + Math.max(0, calls - budget), 0);
}
