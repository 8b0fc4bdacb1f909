import { Redis } from "ioredis";
import PgBoss from "pg-boss";
import { createBenchDatabase } from "../bench/app-under-load";
import { JOB_EXPIRE_SECONDS, REDIS_KEY_PREFIX, REDIS_URL, RUN_ID } from "./settings";

// What the run creates and must remove however it ends: a database on the local server, keys under the run's
// prefix in the local Redis.

export async function createScratchDatabase() {
  const name = `nps_cluster_${RUN_ID}`;
  // lib/env.ts reads the environment once, and creating the database already reads it (the job schema): this
  // process's configuration must name the scratch database before then.
  const url = new URL(process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.DATABASE_POOL_SIZE = "4";
  delete process.env.JOB_SCHEMA;
  return createBenchDatabase(name);
}

export async function deleteRedisKeys(): Promise<number> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    for (let cursor = "0"; ; ) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${REDIS_KEY_PREFIX}*`, "COUNT", 1000);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
      if (cursor === "0") return deleted;
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * A dead worker's jobs go back to the queue once they expire, at pg-boss's next maintenance (every 2 min in each
 * worker). For a run of minutes: queue expiry shortened, and maintenance every 5 s by an instance of this process
 * (pg-boss lets whichever instance's turn it is do it).
 */
export async function shortenJobExpiry(databaseUrl: string, schema: string): Promise<() => Promise<void>> {
  const { db } = await import("../../lib/db/client");
  await db.$executeRawUnsafe(`UPDATE ${schema}.queue SET expire_seconds = $1 WHERE name NOT LIKE '\\_\\_pgboss%'`, JOB_EXPIRE_SECONDS);
  const maintainer = new PgBoss({ connectionString: databaseUrl, schema, max: 1, schedule: false, supervise: true, maintenanceIntervalSeconds: 5 });
  maintainer.on("error", () => undefined);
  await maintainer.start();
  return () => maintainer.stop({ graceful: false, close: true });
}

export async function createTenants() {
  const { createOrganization } = await import("../../lib/organizations/organizations");
  const { createApiKey } = await import("../../lib/api/api-keys");
  const adminEmail = "admin@cluster.test";
  const shop = await createOrganization({ name: "Cluster Retail", slug: "cluster-retail", adminEmail });
  const { key: intakeKey } = await createApiKey({ organizationId: shop.id }, { name: "CRM export" });
  // The limit probe's key belongs to a tenant of its own: its calls read an empty list, cheap to answer.
  const quiet = await createOrganization({ name: "Cluster Quiet", slug: "cluster-quiet", adminEmail: "admin@quiet.cluster.test" });
  const { key: probeKey } = await createApiKey({ organizationId: quiet.id }, { name: "busy integration" });
  return { shop, adminEmail, intakeKey, probeKey };
}
