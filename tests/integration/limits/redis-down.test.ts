import { afterEach, describe, expect, it, vi } from "vitest";

// Redis configured but unreachable (nothing listens on this port): limits still hold, counted in the process.
process.env.REDIS_URL = "redis://127.0.0.1:3899";
const { rateLimiter } = await import("@/lib/http/limiter");

describe("rate limits while Redis is unreachable", () => {
  afterEach(() => vi.restoreAllMocks());

  it("count in memory at once, without waiting on Redis, and say so in the log", async () => {
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const limit = rateLimiter({ keyPrefix: "survey-token", points: 2, duration: 60 });

    const started = performance.now();
    const verdicts = [(await limit("t")).allowed, (await limit("t")).allowed, (await limit("t")).allowed];

    expect(verdicts).toEqual([true, true, false]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(warnings.mock.calls.flat().join("\n")).toMatch(/Redis unreachable/);
  });
});
