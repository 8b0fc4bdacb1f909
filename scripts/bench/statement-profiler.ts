import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import pg from "pg";
import { createBenchDatabase } from "./app-under-load";

/**
 * For an in-process profile: a database of its own (DATABASE_URL points at it before lib/ is imported), and the
 * SQL statements every pg client sends from now on, shortened to one line each.
 */
export async function profileDatabase() {
  const database = await createBenchDatabase(`nps_bench_queries_${randomBytes(3).toString("hex")}`);
  process.env.DATABASE_URL = database.url;
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push((typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 140));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  return { database, statements };
}

/** Makes `count` calls one after another; prints wall time and this process's CPU per call. PROFILE=file saves a CPU profile. */
export async function timeCalls(label: string, count: number, call: (index: number) => Promise<unknown>) {
  const session = new Session();
  if (process.env.PROFILE) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < count; index++) await call(index);
  const used = process.cpuUsage(cpu);
  if (process.env.PROFILE) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  const each = (total: number) => (total / count).toFixed(2);
  console.log(`\n${count} ${label}: ${each(performance.now() - started)} ms each, ${each((used.user + used.system) / 1000)} ms CPU each in this process`);
}
