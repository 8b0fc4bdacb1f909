// Profiles one score click: the SQL statements (round trips) a click on a fresh email costs, per category.
// `npx tsx scripts/bench/count-click-queries.ts`; runs the route handler in-process on a database of its own.
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
const { sendSurvey } = await import("../../lib/survey-sends/send-survey");
const { db } = await import("../../lib/db");
const { GET } = await import("../../app/s/[token]/[score]/route");
const organization = await createOrganization({ name: "Bench Queries", slug: "bench-queries", adminEmail: "admin@bench-queries.test" });
const tenant = { organizationId: organization.id };
const store = await db.store.create({ data: { organizationId: organization.id, code: "Q-1", name: "Bench Store" } });
const headers = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36", "accept-language": "en", "x-forwarded-for": "198.18.0.1" };
for (const [label, score] of [["warm-up", 9], ["detractor", 2], ["passive", 7], ["promoter", 10]] as const) {
  const send = await sendSurvey(tenant, { email: `${label}@bench.test`, name: null, phone: null, locale: "en", storeId: store.id, surveyId: null });
  statements.length = 0;
  const response = await GET(new Request(`http://localhost/s/${send.token}/${score}`, { headers }), { params: Promise.resolve({ token: send.token, score: String(score) }) });
  if (label === "warm-up") continue;
  console.log(`\n${label} (${score}): ${response.status}, ${statements.length} statements`);
  if (process.env.VERBOSE) for (const s of statements) console.log(`  ${s}`);
}
// CPU this process spends per click (Prisma, the route's code; not Next's HTTP layer), over sequential clicks.
const CLICKS = Number(process.env.CLICKS ?? 300);
const sends = [];
for (let i = 0; i < CLICKS; i++) sends.push(await sendSurvey(tenant, { email: `cpu-${i}@bench.test`, name: null, phone: null, locale: "en", storeId: store.id, surveyId: null }));
const { Session } = await import("node:inspector/promises");
const session = new Session();
if (process.env.PROFILE) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
const cpu = process.cpuUsage();
const started = performance.now();
for (const [i, send] of sends.entries()) {
  await GET(new Request(`http://localhost/s/${send.token}/${i % 11}`, { headers: { ...headers, "x-forwarded-for": `198.18.1.${i % 250}` } }), { params: Promise.resolve({ token: send.token, score: String(i % 11) }) });
}
const used = process.cpuUsage(cpu);
if (process.env.PROFILE) {
  const { profile } = await session.post("Profiler.stop");
  (await import("node:fs")).writeFileSync(process.env.PROFILE, JSON.stringify(profile));
}
console.log(`\n${CLICKS} sequential clicks: ${((performance.now() - started) / CLICKS).toFixed(2)} ms each, ${((used.user + used.system) / 1000 / CLICKS).toFixed(2)} ms CPU each in this process`);
await db.$disconnect();
await database.drop();
process.exit(0);
