import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMember, createTenant } from "@/tests/support/factories";
import { startAppProcess, type AppProcess } from "@/tests/support/app-process";
import { apiKeyFor } from "./api-requests";

// Two real app processes on the run's database, each with its own memory. Only a real server has the listener
// (the embedded Postgres serves one app process).
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Listening, and warm: a cold process's first query (Prisma loading) took longer than a key is remembered. */
async function ready(app: AppProcess) {
  for (let i = 0; i < 100 && !(await app.ask({ op: "listening" })); i++) await sleep(50);
  await app.ask({ op: "authenticate", key: "nps_unknown" });
}

/** Milliseconds until `check` says true, asked every 20 ms; Infinity after `limitMs`. */
async function msUntil(check: () => Promise<unknown>, limitMs = 3_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await check()) return performance.now() - started;
    await sleep(20);
  }
  return Infinity;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("access revoked on one app process", () => {
  let first: AppProcess;
  let second: AppProcess;
  beforeAll(async () => {
    [first, second] = await Promise.all([startAppProcess(), startAppProcess()]);
    await Promise.all([ready(first), ready(second)]);
  });
  afterAll(() => {
    first?.stop();
    second?.stop();
  });

  it("a revoked API key is refused by the other process within a second, not after its cache's lifetime", async () => {
    const { tenant } = await createTenant();
    const key = await apiKeyFor(tenant);
    const { id: keyId } = await db.apiKey.findFirstOrThrow({ where: tenant });
    expect(await first.ask({ op: "authenticate", key })).toBe(true);
    expect(await second.ask({ op: "authenticate", key })).toBe(true);

    // Revoked behind the processes' backs, the key is still served from the second process's memory…
    await db.apiKey.updateMany({ where: tenant, data: { revokedAt: new Date() } });
    expect(await second.ask({ op: "authenticate", key })).toBe(true);
    // …so what reaches it is the first process's revocation, announced as it commits.
    const revoked = first.ask({ op: "revokeKey", organizationId: tenant.organizationId, keyId });
    const refusedAfterMs = await msUntil(async () => !(await second.ask({ op: "authenticate", key })));
    await revoked;

    expect(refusedAfterMs).toBeLessThan(1_000);
    expect(await first.ask({ op: "authenticate", key })).toBe(false);
  });

  it("a removed member is refused by the other process at once: membership is read on every request", async () => {
    const { tenant } = await createTenant();
    const member = await createMember(tenant, "cx_manager");
    const { id: membershipId } = await db.membership.findFirstOrThrow({ where: { ...tenant, userId: member.userId } });
    const asked = { op: "member" as const, userId: member.userId, organizationId: tenant.organizationId };
    expect(await second.ask(asked)).toBe(true);

    await first.ask({ op: "removeMember", organizationId: tenant.organizationId, membershipId });

    expect(await second.ask(asked)).toBe(false);
  });
});
