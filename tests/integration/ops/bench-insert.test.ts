import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";

// The bench's bare route (lib/ops/bench-insert.ts) reads BENCH_ROUTES once, through lib/env.ts: each case loads the
// route afresh with the setting it needs.
async function benchRoute(setting: string | undefined) {
  if (setting === undefined) delete process.env.BENCH_ROUTES;
  else process.env.BENCH_ROUTES = setting;
  vi.resetModules();
  const { GET } = await import("@/app/bench/insert/[token]/[score]/route");
  return (token: string, score: string) =>
    GET(new Request(`http://localhost:3000/bench/insert/${token}/${score}`), { params: Promise.resolve({ token, score }) });
}

const rowsOf = async (token: string) => {
  const table = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('bench_row') IS NOT NULL AS "exists"`;
  if (!table[0]?.exists) return 0;
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "bench_row" WHERE token = ${token}`;
  return row?.n ?? 0;
};

afterEach(() => {
  delete process.env.BENCH_ROUTES;
  vi.resetModules();
});

describe("GET /bench/insert/<token>/<score>", () => {
  it("is not there unless the process started with BENCH_ROUTES=1, and writes nothing", async () => {
    const token = randomBytes(8).toString("hex");
    for (const setting of [undefined, "0"]) {
      const route = await benchRoute(setting);
      expect((await route(token, "7")).status).toBe(404);
    }
    expect(await rowsOf(token)).toBe(0);
  });

  it("with BENCH_ROUTES=1 inserts one row a request, and answers bad input with 400", async () => {
    const route = await benchRoute("1");
    const token = randomBytes(8).toString("hex");
    expect((await route(token, "7")).status).toBe(204);
    expect((await route(token, "10")).status).toBe(204);
    expect(await rowsOf(token)).toBe(2);
    const bad = await route(token, "11");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad_request" });
    expect(await rowsOf(token)).toBe(2);
  });
});
