import { setTimeout as sleep } from "node:timers/promises";
import { BALANCER_URL } from "./settings";

// The campaign's intake: SENDS survey sends through POST /api/v1/survey-sends/batch on the balancer, as a CRM's
// export would call it. Every item has an Idempotency-Key, so a batch that failed (a 502 from the balancer when an
// app process died with it in hand) is simply sent again; a 429 waits the Retry-After it was given.

export const customerEmail = (i: number) => `customer-${i}@cluster.test`;
export const customerIndex = (email: string) => Number(/^customer-(\d+)@cluster\.test$/.exec(email)?.[1] ?? NaN);

/** `failures`: each failed attempt's answer (a status, or "no answer" when the connection was cut). */
export type IntakeResult = { accepted: number; failedAttempts: number; failures: string[]; limited: number; refused: string[] };

export async function sendSurveys(apiKey: string, sends: number, batchSize = 100, concurrency = 3): Promise<IntakeResult> {
  const result: IntakeResult = { accepted: 0, failedAttempts: 0, failures: [], limited: 0, refused: [] };
  let next = 0;
  const sendBatch = async (first: number, count: number) => {
    const sendsOfBatch = Array.from({ length: count }, (_, k) => ({
      contact: { email: customerEmail(first + k), name: `Customer ${first + k}`, locale: "en" },
      idempotencyKey: `cluster-${first + k}`,
    }));
    for (let attempt = 1; ; attempt++) {
      let cut = "";
      const response = await fetch(`${BALANCER_URL}/api/v1/survey-sends/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ sends: sendsOfBatch }),
      }).catch((error: Error) => {
        cut = String((error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message);
        return null;
      });
      if (response?.status === 200) {
        const { results } = (await response.json()) as { results: { status: number; error?: string }[] };
        for (const item of results) item.status === 202 ? (result.accepted += 1) : result.refused.push(JSON.stringify(item));
        return;
      }
      if (response?.status === 429) {
        result.limited += 1;
        await sleep(Number(response.headers.get("retry-after") ?? 1) * 1000);
        continue;
      }
      result.failedAttempts += 1;
      result.failures.push(response ? String(response.status) : `no answer: ${cut}`);
      if (attempt >= 30) throw new Error(`batch ${first} failed ${attempt} times (last: ${response?.status ?? "no answer"})`);
      await sleep(1000);
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sends) {
        const first = next;
        next = Math.min(sends, next + batchSize);
        await sendBatch(first, next - first);
      }
    }),
  );
  return result;
}
