import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { BALANCER_PORT } from "./settings";

// Customers clicking a score in their survey email, through the balancer, each from an address of their own (a
// header value from 198.18.0.0/15, the benchmarking range; all traffic stays on loopback) and with a browser's
// headers, so the scanner guard (lib/responses/scanner-guard.ts) records them. A click that failed (a 5xx, or
// the connection cut) is clicked again, as a person would: the click is idempotent (one response per email).
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "accept-language": "en" };
const ATTEMPTS = 5;

export type ClickResult = { wanted: number; clicked: Map<string, number>; statuses: Map<string, number>; failedFirstAttempts: number; lost: number };

export function startClicking(ratePerSecond: number) {
  const waiting: { token: string; score: number; customer: number }[] = [];
  const result: ClickResult = { wanted: 0, clicked: new Map(), statuses: new Map(), failedFirstAttempts: 0, lost: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const click = async (item: (typeof waiting)[number]) => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const status = await get(item, agent);
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
      if (status === "303") {
        result.clicked.set(item.token, item.score);
        return;
      }
      if (attempt === 1) result.failedFirstAttempts += 1;
      await sleep(500);
    }
    result.lost += 1;
  };

  const pacing = (async () => {
    for (;;) {
      const item = waiting.shift();
      if (!item) {
        if (closed) break;
        await sleep(20);
        continue;
      }
      const running = click(item).finally(() => inFlight.delete(running));
      inFlight.add(running);
      await sleep(1000 / ratePerSecond);
    }
    await Promise.all(inFlight);
    agent.destroy();
  })();

  return {
    result,
    /** Clicks done (answered, or given up on). */
    done: () => result.clicked.size + result.lost,
    add: (token: string, customer: number) => {
      result.wanted += 1;
      waiting.push({ token, score: customer % 11, customer });
    },
    /** Clicks what was added, then stops. */
    finish: async () => {
      closed = true;
      await pacing;
      return result;
    },
  };
}

function get(item: { token: string; score: number; customer: number }, agent: http.Agent): Promise<string> {
  const i = item.customer;
  const headers = { ...BROWSER, "x-forwarded-for": `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` };
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port: BALANCER_PORT, path: `/s/${item.token}/${item.score}`, headers, agent, timeout: 30_000 }, (response) => {
      response.resume().on("end", () => resolve(String(response.statusCode)));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`));
  });
}
