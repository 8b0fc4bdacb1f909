import { pacedLoad } from "../bench/paced-load";
import { BALANCER_URL } from "./settings";

// One API key called at three times its budget for a while, through the balancer, so across all app processes.
// With the limits in Redis the key gets its budget once a second in all; counted per process it would get it
// once per process (three times as much).

export type LimitProbe = { statuses: Map<number, number>; seconds: number; failures: number };

const DUE_SECONDS = (rate: number, seconds: number) => (rate * seconds - 1) / rate;

export async function probeApiLimit(apiKey: string, rate: number, seconds: number): Promise<LimitProbe> {
  const statuses = new Map<number, number>();
  const run = await pacedLoad(rate * seconds, rate, async () => {
    const response = await fetch(`${BALANCER_URL}/api/v1/responses?limit=1`, { headers: { authorization: `Bearer ${apiKey}` } });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  });
  // The span of the calls' due times: the windows they fall in, whatever the answers' latency.
  return { statuses, seconds: DUE_SECONDS(rate, seconds), failures: run.failures };
}

/**
 * What one process alone would answer 429 to, from the calls answered: all but the budget of each one-second
 * window the calls spanned (the limiter's windows start at a key's first call, so n seconds of calls touch n).
 */
export function expectedRefusals(probe: LimitProbe, budget: number): number {
  const answered = (probe.statuses.get(200) ?? 0) + (probe.statuses.get(429) ?? 0);
  return answered - budget * Math.ceil(probe.seconds);
}
