import pg from "pg";
import { perUnit } from "./targets";

// The time Postgres spends inside each trigger function (pg_stat_user_functions), for the benches' "where the time
// goes". It is wall time: a wait for another transaction's row lock counts in it.

/** Turns the statistics on for the sessions opened on the database from now on (the app's, the worker's). */
export async function trackTriggerTime(url: string): Promise<void> {
  await onDatabase(url, async (client) => {
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    await client.query(`ALTER DATABASE "${rows[0]!.name}" SET track_functions = 'pl'`);
  });
}

/** Milliseconds spent in each function so far; backends report them at most once a second, so wait that long. */
export function triggerTimes(url: string): Promise<Map<string, number>> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ name: string; ms: number }>(`SELECT funcname AS "name", self_time::float8 AS "ms" FROM pg_stat_user_functions`);
    return new Map(rows.map((row) => [row.name, row.ms]));
  });
}

/** The costliest functions between two readings, per unit of work: "name ms, name ms …". */
export function triggerTimeLine(before: Map<string, number>, after: Map<string, number>, units: number): string {
  const spent = [...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)] as const).filter(([, ms]) => ms > 0);
  const line = spent
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, ms]) => `${name} ${perUnit(ms, units)}`)
    .join(", ");
  return line || "none recorded";
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
