import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { installJobQueue } from "../../lib/queue/enqueue";

// The job queue's schema in tests: lib/env.ts's default (setup-env.ts leaves JOB_SCHEMA unset).
const TEST_JOB_SCHEMA = "pgboss";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databasePoolSize: number;
  }
}

/**
 * Every run gets a freshly migrated database: a new database on the server named by TEST_DATABASE_URL,
 * or an in-memory PGlite when none is configured (a fresh machine).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await migrate(embedded.url);
    await installJobQueue(embedded.url, TEST_JOB_SCHEMA);
    project.provide("databaseUrl", embedded.url);
    project.provide("databasePoolSize", 1);
    return () => embedded.stop();
  }
  const name = `nps_test_${randomBytes(4).toString("hex")}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  await installJobQueue(url.toString(), TEST_JOB_SCHEMA);
  project.provide("databaseUrl", url.toString());
  project.provide("databasePoolSize", 5);
  return () => withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdmin(connectionString: string, work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
