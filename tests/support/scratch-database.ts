import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * An empty database of a test's own, for tests that must migrate or damage a schema without touching the run's
 * shared database.
 *
 * On a real server: a new Postgres schema in the run's database, selected by `options=-c search_path=…` in the URL.
 * On the embedded PGlite that does not work: every connection to the socket server shares PGlite's one session,
 * so the URL's startup options are ignored and a `SET search_path` on one connection would switch it for all.
 * There, each scratch database is a PGlite instance of its own, in memory.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (!process.env.TEST_DATABASE_URL) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: embedded.stop };
  }
  const runUrl = process.env.DATABASE_URL;
  if (!runUrl) throw new Error("DATABASE_URL is unset: tests/support/setup-env.ts should have set it");
  const schema = `scratch_${randomBytes(4).toString("hex")}`;
  await withClient(runUrl, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(runUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const scratch: ScratchDatabase = {
    url: url.toString(),
    drop: async () => {
      await withClient(runUrl, (client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
    },
  };

  // A URL the driver misread would let a test migrate the shared database: make sure the schema is in effect.
  const current = await withClient(scratch.url, (client) => client.query<{ schema: string }>("SELECT current_schema() AS schema"));
  if (current.rows[0]?.schema !== schema) {
    await scratch.drop();
    throw new Error(`search_path from the URL was not applied: current_schema() is ${current.rows[0]?.schema}`);
  }
  return scratch;
}

export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
