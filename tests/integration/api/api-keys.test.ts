import { addSeconds } from "date-fns";
import { describe, expect, it } from "vitest";
import { authenticateApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { db } from "@/lib/db/client";
import { createTenant } from "@/tests/support/factories";
import { apiKeyFor } from "./api-requests";

// A key is remembered for a few seconds per app process (the API takes hundreds of calls a second).

describe("API key revocation", () => {
  it("a revoked key is refused at once by the process that revoked it", async () => {
    const { tenant } = await createTenant();
    const key = await apiKeyFor(tenant);
    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject(tenant);
    const { id } = await db.apiKey.findFirstOrThrow({ where: tenant });
    await revokeApiKey(tenant, id);
    expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
  });

  it("a key revoked by another app process is refused within seconds", async () => {
    const { tenant } = await createTenant();
    const key = await apiKeyFor(tenant);
    const now = new Date();
    expect(await authenticateApiKey(`Bearer ${key}`, now)).toMatchObject(tenant);
    // What another process's revocation leaves in the database, without touching this process's memory.
    await db.apiKey.updateMany({ where: tenant, data: { revokedAt: now } });
    expect(await authenticateApiKey(`Bearer ${key}`, addSeconds(now, 6))).toBeNull();
  });
});
