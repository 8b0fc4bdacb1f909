import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createReadinessCheck, type RunQuery } from "@/lib/ops/readiness";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

// GET /api/health and /api/ready, and each reason /api/ready gives a load balancer for taking a process out.

const pools: pg.Pool[] = [];
const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  for (const scratch of scratches) await scratch.drop();
});

/** Statements on a pool of the test's own (the app's check runs on the app's pool). */
function queryOn(connectionString: string): RunQuery {
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on("error", () => undefined);
  pools.push(pool);
  return async (_name, text, values) => (await pool.query(text, values)).rows;
}

async function scratchDatabase() {
  const scratch = await createScratchDatabase();
  scratches.push(scratch);
  return scratch;
}

describe("GET /api/health", () => {
  it("answers 200 without asking the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  it("answers 200 on a migrated database with the job queue installed", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 shutting_down once the process has begun to stop (scripts/app-graceful.mjs sets the flag)", async () => {
    const flag = globalThis as { __npsShuttingDown?: boolean };
    flag.__npsShuttingDown = true;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", reason: "shutting_down" });
    } finally {
      delete flag.__npsShuttingDown;
    }
  });

  it("is not ready when a migration of this build is missing from _prisma_migrations", async () => {
    const scratch = await scratchDatabase();
    await migrate(scratch.url);
    const migrations = (await readMigrations()).map((m) => m.name);
    const query = queryOn(scratch.url);
    const check = createReadinessCheck({ query, jobSchema: "pgboss" });
    const last = migrations.at(-1)!;
    await query("", `DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [last]);

    const readiness = await check();

    expect(readiness).toMatchObject({ ready: false, reason: "migrations_pending" });
    expect(readiness.ready === false && readiness.detail).toContain(last);
  });

  it("is not ready on a database that was never migrated", async () => {
    const scratch = await scratchDatabase();
    const readiness = await createReadinessCheck({ query: queryOn(scratch.url), jobSchema: "pgboss" })();
    expect(readiness).toMatchObject({ ready: false, reason: "migrations_pending" });
  });

  it("is not ready when pg-boss's tables are missing", async () => {
    const readiness = await createReadinessCheck({ query: queryOn(process.env.DATABASE_URL!), jobSchema: "pgboss_never_installed" })();
    expect(readiness).toMatchObject({ ready: false, reason: "job_queue_missing" });
  });

  it("is not ready when the database cannot be reached, and says so within its timeout", async () => {
    const started = Date.now();
    const readiness = await createReadinessCheck({ query: queryOn("postgresql://postgres@127.0.0.1:9/nowhere"), timeoutMs: 2_000 })();
    expect(readiness).toMatchObject({ ready: false, reason: "database_unreachable" });
    expect(readiness.ready === false && readiness.detail).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("asks for the migrations only until it has seen them all applied, then only for the job queue", async () => {
    const statements: string[] = [];
    const inner = queryOn(process.env.DATABASE_URL!);
    const check = createReadinessCheck({ query: (name, text, values) => (statements.push(name), inner(name, text, values)) });
    expect(await check()).toEqual({ ready: true });
    expect(await check()).toEqual({ ready: true });
    expect(statements).toEqual(["ready-full", "ready-queue"]);
  });
});
