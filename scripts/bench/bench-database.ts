import pg from "pg";

// seed:large and bench:dashboard work on a database of their own on the local server, never on the demo's.
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/nps_bench";
export const BENCH_TENANT_SLUG = "bench-retail";
export const BENCH_CX_EMAIL = "cx@bench.demo";
export const BENCH_MANAGER_EMAIL = "manager@bench.demo";

/** Drops and creates the bench database, through the server's maintenance database. */
export async function recreateBenchDatabase(): Promise<void> {
  const url = new URL(BENCH_DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing an unusual database name: ${name}`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
