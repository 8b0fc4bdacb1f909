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

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await callApi(GET, { key: busy, path: "/responses" })).status);
    const limited = await callApi(GET, { key: busy, path: "/responses" });

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited.body).toMatchObject({ error: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await callApi(GET, { key: calm, path: "/responses" })).status).toBe(200);
  });
});
