import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createReadinessCheck } from "@/lib/ops/readiness";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { withClient } from "@/tests/support/scratch-database";
import { respond } from "../responses/respond";

// docs/deploy.md's backup and restore, tried: a tenant with a response and a follow-up, `pg_dump -Fc` of the
// database, `pg_restore` into a new one; the rows are all there and the app's migrator finds nothing to apply.
// Needs a real server and the Postgres client tools (not the embedded PGlite).
const hasTools = spawnSync("pg_dump", ["--version"]).status === 0 && spawnSync("pg_restore", ["--version"]).status === 0;
const serverUrl = process.env.TEST_DATABASE_URL;

const dir = mkdtempSync(path.join(tmpdir(), "nps-backup-"));
const restoredName = `nps_restore_${randomBytes(4).toString("hex")}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl) await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
});

/** A tenant's rows of each table, as JSON text, in a stable order. */
async function tenantRows(url: string, organizationId: string) {
  return withClient(url, async (client) => {
    const rows = async (sql: string) => JSON.stringify((await client.query(sql, [organizationId])).rows);
    return {
      organization: await rows(`SELECT * FROM "Organization" WHERE id = $1`),
      stores: await rows(`SELECT * FROM "Store" WHERE "organizationId" = $1 ORDER BY id`),
      sends: await rows(`SELECT * FROM "SurveySend" WHERE "organizationId" = $1 ORDER BY id`),
      responses: await rows(`SELECT * FROM "Response" WHERE "organizationId" = $1 ORDER BY id`),
      followUps: await rows(`SELECT * FROM "FollowUp" WHERE "organizationId" = $1 ORDER BY id`),
      rollup: await rows(`SELECT * FROM "FeedbackRollup" WHERE "organizationId" = $1 ORDER BY 1, 2, 3`),
      jobs: await rows(`SELECT id, name, data FROM pgboss.job WHERE data->>'organizationId' = $1 ORDER BY id`),
    };
  });
}

describe.runIf(serverUrl && hasTools)("backup and restore (pg_dump -Fc, pg_restore)", () => {
  it("restores a tenant's responses and follow-ups into a new database that the migrator finds up to date", async () => {
    const { tenant } = await createTenant("Backed-up Shop");
    const store = await createTestStore(tenant);
    const { followUp } = await respond(tenant, 2, { storeId: store.id });
    expect(followUp).not.toBeNull();
    const source = process.env.DATABASE_URL!;
    const before = await tenantRows(source, tenant.organizationId);
    expect(JSON.parse(before.followUps)).toHaveLength(1);

    const dump = path.join(dir, "nps.dump");
    execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", dump, source], { stdio: "pipe" });
    expect(statSync(dump).size).toBeGreaterThan(0);
    await withClient(serverUrl!, (client) => client.query(`CREATE DATABASE "${restoredName}"`));
    const restored = new URL(serverUrl!);
    restored.pathname = `/${restoredName}`;
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", restored.toString(), dump], { stdio: "pipe" });

    expect(await tenantRows(restored.toString(), tenant.organizationId)).toEqual(before);
    expect(await migrate(restored.toString())).toEqual([]);
    const pool = new pg.Pool({ connectionString: restored.toString(), max: 1 });
    try {
      const readiness = await createReadinessCheck({ query: async (_name, text, values) => (await pool.query(text, values)).rows, jobSchema: "pgboss" })();
      expect(readiness).toEqual({ ready: true });
    } finally {
      await pool.end();
    }
  });
});
