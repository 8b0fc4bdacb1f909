import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deleteKeys, redisAnswers, TEST_REDIS_URL } from "@/tests/support/redis";

// Every limiter built by rateLimiter counts in Redis when REDIS_URL is set: two limiters with the same prefix stand
// for the same limit in two app processes (each process builds its own), so they must share one budget.
const prefix = `nps-test-${randomBytes(4).toString("hex")}:`;
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.REDIS_KEY_PREFIX = prefix;
const { rateLimiter } = await import("@/lib/http/limiter");
const { memoryLimiter } = await import("@/lib/http/memory-limiter");

describe.skipIf(!(await redisAnswers()))("rate limits with REDIS_URL", () => {
  afterAll(() => deleteKeys(prefix));

  it("are one budget for every process: a key's points are spent wherever they were counted", async () => {
    const options = { keyPrefix: "api-key", points: 5, duration: 60 };
    const [firstProcess, secondProcess] = [rateLimiter(options), rateLimiter(options)];

    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push((await (i % 2 ? secondProcess : firstProcess)("key-1")).allowed);

    expect(verdicts).toEqual([true, true, true, true, true, false]);
    expect(await firstProcess("key-2")).toMatchObject({ allowed: true, remaining: 4 });
    expect(await secondProcess("key-1")).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
  });

  it("count every key given to one call, under the run's key prefix", async () => {
    const limit = rateLimiter({ keyPrefix: "survey-ip", points: 1, duration: 60 });
    expect(await limit("203.0.113.7", "token-a")).toMatchObject({ allowed: true });
    expect((await limit("203.0.113.7")).allowed).toBe(false);
    expect((await limit("token-a")).allowed).toBe(false);
    expect((await limit("token-b")).allowed).toBe(true);
  });

  it("memoryLimiter still counts per process, for call sites not switched yet", async () => {
    const options = { keyPrefix: "sign-in", points: 1, duration: 60 };
    const [firstProcess, secondProcess] = [memoryLimiter(options), memoryLimiter(options)];
    expect((await firstProcess("a@example.test")).allowed).toBe(true);
    expect((await secondProcess("a@example.test")).allowed).toBe(true);
  });
});
