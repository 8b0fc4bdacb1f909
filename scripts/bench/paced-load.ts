// An open-loop load at a fixed rate: request i is due at start + i / rate, whether or not earlier ones have been
// answered, and its latency counts from when it was due, so a server that falls behind shows it in full (no
// coordinated omission). autocannon, tried first, paces by the second instead: each connection fires its share
// back to back when a second begins, so "200/s" arrives as a burst of 200 every second, and its omission
// correction assumes one request per millisecond per connection, which adds phantom samples to every slow answer.

import { monitorEventLoopDelay } from "node:perf_hooks";

export type PacedResult = {
  /** Sorted, in ms. */
  latencies: number[];
  /** The slowest latency of each second of the run, in order: where a tail comes from (one stall, or all along). */
  slowestBySecond: number[];
  failures: number;
  seconds: number;
  /** The load client's own longest event-loop stall, ms: a slow client would show as slow answers. */
  clientStallMs: number;
};

/** Runs `request(i)` for i in [0, count) at `rate` per second; a request that throws counts as a failure. */
export async function pacedLoad(count: number, rate: number, request: (i: number) => Promise<void>): Promise<PacedResult> {
  const latencies: number[] = [];
  const slowestBySecond: number[] = [];
  let failures = 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      request(i).then(
        () => {
          const latency = performance.now() - due;
          latencies.push(latency);
          const second = Math.floor(i / rate);
          slowestBySecond[second] = Math.max(slowestBySecond[second] ?? 0, latency);
        },
        () => void (failures += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  loop.disable();
  const clientStallMs = loop.max / 1e6;
  return { latencies: latencies.sort((a, b) => a - b), slowestBySecond, failures, seconds: (performance.now() - started) / 1000, clientStallMs };
}

export type SaturatedResult = { requests: number; failures: number; seconds: number };

/**
 * A closed loop: `connections` clients, each sending its next request as soon as its last was answered, for
 * `seconds` or until `request` returns false (it has nothing more to send). What it served a second is the route's
 * throughput at saturation; the latencies of such a run only say how long the queue was, so none are kept.
 */
export async function saturatedLoad(connections: number, seconds: number, request: (i: number) => Promise<boolean>): Promise<SaturatedResult> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let sent = 0;
  let answered = 0;
  let failures = 0;
  const client = async () => {
    while (performance.now() < until) {
      try {
        if (!(await request(sent++))) return;
        answered += 1;
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { requests: answered, failures, seconds: (performance.now() - started) / 1000 };
}

/** The p-th percentile of sorted latencies (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
