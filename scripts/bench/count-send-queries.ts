// Profiles the sending path: the SQL statements (round trips) one POST /api/v1/survey-sends costs, and one
// delivery by the worker's job. `npx tsx scripts/bench/count-send-queries.ts`; in-process, on a database of its own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createBenchDatabase } from "./app-under-load";

const database = await createBenchDatabase(`nps_bench_queries_${randomBytes(3).toString("hex")}`);
process.env.DATABASE_URL = database.url;
const statements: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  statements.push((typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 140));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { createOrganization } = await import("../../lib/organizations/organizations");
const { createApiKey } = await import("../../lib/api/api-keys");
const { db } = await import("../../lib/db");
const { POST } = await import("../../app/api/v1/survey-sends/route");
const organization = await createOrganization({ name: "Bench Queries", slug: "bench-queries", adminEmail: "admin@bench-queries.test" });
const { key } = await createApiKey({ organizationId: organization.id }, { name: "bench" });
const post = (i: number) =>
  POST(
    new Request("http://localhost/api/v1/survey-sends", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `q-${i}` },
      body: JSON.stringify({ contact: { email: `customer-${i}@bench.test`, name: `Customer ${i}`, locale: "en" }, transactionRef: `order-${i}` }),
    }),
    { params: Promise.resolve({}) },
  );
for (const label of ["warm-up", "new contact"]) {
  statements.length = 0;
  const response = await post(label === "warm-up" ? -1 : 0);
  if (label === "warm-up") continue;
  console.log(`\nPOST ${label}: ${response.status}, ${statements.length} statements`);
  if (process.env.VERBOSE) for (const s of statements) console.log(`  ${s}`);
}
const CALLS = Number(process.env.CALLS ?? 300);
const { Session } = await import("node:inspector/promises");
const session = new Session();
if (process.env.PROFILE) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 1; i <= CALLS; i++) await post(i);
const used = process.cpuUsage(cpu);
if (process.env.PROFILE) {
  const { profile } = await session.post("Profiler.stop");
  (await import("node:fs")).writeFileSync(process.env.PROFILE, JSON.stringify(profile));
}
console.log(`\n${CALLS} sequential POSTs: ${((performance.now() - started) / CALLS).toFixed(2)} ms each, ${((used.user + used.system) / 1000 / CALLS).toFixed(2)} ms CPU each in this process`);
await db.$disconnect();
await database.drop();
process.exit(0);
