import { describe, expect, it } from "vitest";
import { createTenant } from "@/tests/support/factories";
import { apiKeyFor, callApi } from "./api-requests";

// The limiter is built when its module loads: set this key budget first, then load the route.
process.env.API_RATE_PER_SECOND = "3";
const { GET } = await import("@/app/api/v1/responses/route");

describe("the API's rate limit", () => {
  it("answers 429 with Retry-After once a key has used its budget, and leaves other keys alone", async () => {
    const { tenant } = await createTenant("Busy Shop");
    const [busy, calm] = [await apiKeyFor(tenant, "busy"), await apiKeyFor(tenant, "calm")];

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await callApi(GET, { key: busy, path: "/responses" }));
    const limited = await callApi(GET, { key: busy, path: "/responses" });

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => answer.headers.get("x-ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(answers[0]!.headers.get("x-ratelimit-limit")).toBe("3");
    // One window: every answer names the same end of it, in whole epoch seconds (rounded up), a second away.
    const resets = new Set(answers.map((answer) => Number(answer.headers.get("x-ratelimit-reset"))));
    expect(resets.size).toBe(1);
    expect([...resets][0]! - Date.now() / 1000).toBeLessThanOrEqual(2);
    expect(limited.body).toMatchObject({ error: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await callApi(GET, { key: calm, path: "/responses" })).status).toBe(200);
  });
});
