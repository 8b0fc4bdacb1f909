import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

// CPU time by part of the stack, read from the kernel's own accounting (/proc/<pid>/stat, Linux): the app's
// processes, the load client, and the Postgres backends that served one application_name (the bench puts one in
// each process's DATABASE_URL). Costs a few file reads, so it can be read between the phases of a run.
// The Postgres figure leaves out the server's shared processes (WAL writer, checkpointer): they serve every
// database on the box, other people's work included.

const MS_PER_TICK = 10; // USER_HZ, 100 on every Linux this runs on (`getconf CLK_TCK`)

export type CpuPart = { name: string } & (
  | { pids: () => number[]; withChildren?: boolean }
  | { postgres: { url: string; applicationName: string } }
);

/** CPU ms of each process, by pid, for each part. */
export type CpuReading = Map<string, Map<number, number>>;

export async function readCpu(parts: CpuPart[]): Promise<CpuReading> {
  const reading: CpuReading = new Map();
  for (const part of parts) {
    const pids =
      "postgres" in part
        ? await backendPids(part.postgres.url, part.postgres.applicationName)
        : part.withChildren
          ? part.pids().flatMap(withDescendants)
          : part.pids();
    reading.set(part.name, new Map(pids.map((pid) => [pid, processCpuMs(pid)])));
  }
  return reading;
}

/**
 * CPU ms each part used between two readings. A process that started in between counts from zero; one that ended
 * in between is lost (the app's pool keeps its connections while it is busy, which is when this is read).
 */
export function cpuBetween(before: CpuReading, after: CpuReading): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, pids] of after) {
    used[name] = [...pids].reduce((sum, [pid, ms]) => sum + ms - (before.get(name)?.get(pid) ?? 0), 0);
  }
  return used;
}

function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After "(comm)": state is field 3, utime and stime fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

function withDescendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone since the directory was listed
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

async function backendPids(url: string, applicationName: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
      [applicationName],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** The URL with an application_name, so that its connections can be told apart in pg_stat_activity. */
export function withApplicationName(url: string, applicationName: string): string {
  const named = new URL(url);
  named.searchParams.set("application_name", applicationName);
  return named.toString();
}
