// `npm run bench:clicks`: score clicks (GET /s/<token>/<score>, which records the response) over HTTP against
// `next start`, with autocannon at a fixed 200 requests/s, next to a raw single-row INSERT on the same database in
// the same run. Prints p50/p99 latency and requests/s of both, and the ratio. Target: p99 under 50 ms at 200/s.
//
// The survey pages are rate limited per client address (rightmost X-Forwarded-For, 120/min) and per link (30/min).
// The limiter stays on: every request clicks a link of its own and carries an X-Forwarded-For address of its own,
// as 200 different customers a second would (addresses from 198.18.0.0/15, the range reserved for benchmarks;
// they are header values only, all traffic stays on loopback).
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { createBenchDatabase, ensureBuilt, startApp, startWorker, stop } from "./bench/app-under-load";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = 20;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3212);
const CLICKS = RATE * SECONDS;
// A person's browser: lib/responses/scanner-guard.ts holds clicks from link scanners and HTTP libraries.
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "accept-language": "en" };

ensureBuilt();
const database = await createBenchDatabase(`nps_bench_clicks_${randomBytes(3).toString("hex")}`);
process.env.DATABASE_URL = database.url;
const { createOrganization } = await import("../lib/organizations/organizations");
const { newSurveyToken } = await import("../lib/survey-sends/token");
const { db } = await import("../lib/db");

const organization = await createOrganization({ name: "Bench Clicks", slug: "bench-clicks", adminEmail: "admin@bench-clicks.test" });
const store = await db.store.create({ data: { organizationId: organization.id, code: "B-1", name: "Bench Store" } });
const survey = await db.survey.findFirstOrThrow({ where: { organizationId: organization.id } });
const tokens = Array.from({ length: CLICKS + 100 }, () => newSurveyToken());
for (let i = 0; i < tokens.length; i += 1000) {
  const batch = tokens.slice(i, i + 1000);
  const contacts = batch.map((_, j) => ({ id: `bc${i + j}`, organizationId: organization.id, email: `c${i + j}@bench.test`, storeId: store.id }));
  await db.contact.createMany({ data: contacts });
  await db.surveySend.createMany({
    data: batch.map((token, j) => ({ organizationId: organization.id, surveyId: survey.id, contactId: contacts[j]!.id, storeId: store.id, channel: "store" as const, token, locale: "en" })),
  });
}

const env = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: "10" };
const app = await startApp(APP_PORT, env);
// The worker runs as in production: the alerts the detractors' clicks queue are sent meanwhile. At a lower CPU
// priority (BENCH_WORKER_NICE, 0 = the same as the app's): the alerts' jobs wait out a burst of clicks instead
// of competing with them for the cores.
const WORKER_NICE = Number(process.env.BENCH_WORKER_NICE ?? 10);
const worker = process.env.BENCH_NO_WORKER ? null : startWorker({ ...env, WORKER_POOL_SIZE: "2" }, { niceness: WORKER_NICE });

// Warm up the route (first requests compile and connect).
for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${APP_PORT}/s/${tokens[CLICKS + i]}/9`, { redirect: "manual", headers: { ...BROWSER, "x-forwarded-for": `198.19.255.${i}` } });

let clicked = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${APP_PORT}`,
  connections: CONNECTIONS,
  overallRate: RATE,
  amount: CLICKS,
  requests: [
    {
      setupRequest: (request) => {
        const i = clicked++;
        return { ...request, method: "GET", path: `/s/${tokens[i]}/${i % 11}`, headers: { ...BROWSER, "x-forwarded-for": `198.18.${(i >> 8) & 255}.${i & 255}` } };
      },
    },
  ],
});
const responses = await db.response.count({ where: { organizationId: organization.id } });

// Baseline: one INSERT of one row per request, same database, same concurrency and rate.
const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
await pool.query(`CREATE TABLE bench_click (id serial PRIMARY KEY, token text NOT NULL, score smallint NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
const insertTimes: number[] = [];
const insertStarted = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async (_, lane) => {
    for (let i = lane; i < CLICKS; i += CONNECTIONS) {
      const due = insertStarted + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t = performance.now();
      await pool.query("INSERT INTO bench_click (token, score) VALUES ($1, $2)", [tokens[i], i % 11]);
      insertTimes.push(performance.now() - t);
    }
  }),
);
const insertSeconds = (performance.now() - insertStarted) / 1000;
await pool.end();

insertTimes.sort((a, b) => a - b);
const pct = (p: number) => insertTimes[Math.min(insertTimes.length - 1, Math.floor((p / 100) * insertTimes.length))]!;
const statusCounts = `${result["2xx"]} 2xx, ${result["3xx"]} 3xx, ${result["4xx"]} 4xx, ${result["5xx"]} 5xx, ${result.errors} errors, ${result.timeouts} timeouts`;
console.log(`\n${CLICKS.toLocaleString("en")} score clicks at ${RATE}/s (${CONNECTIONS} connections), each a different link and client address`);
console.log(`answers: ${statusCounts}; ${responses} responses recorded (a recorded click answers 303)`);
console.log("                          p50 ms   p99 ms   max ms   requests/s");
console.log(`score click over HTTP   ${row(result.latency.p50, result.latency.p99, result.latency.max, result.requests.average)}`);
console.log(`raw single-row INSERT   ${row(pct(50), pct(99), insertTimes.at(-1)!, CLICKS / insertSeconds)}`);
console.log(`ratio click / insert    ${(result.latency.p50 / pct(50)).toFixed(1).padStart(6)}×  ${(result.latency.p99 / pct(99)).toFixed(1).padStart(6)}×`);
console.log(`target: p99 < 50 ms at ${RATE} requests/s → ${result.latency.p99 < 50 ? "met" : "NOT met"}`);

if (worker) stop(worker);
stop(app);
await new Promise((resolve) => setTimeout(resolve, 2000));
await db.$disconnect();
await database.drop();
process.exit(0);

function row(p50: number, p99: number, max: number, rate: number) {
  return `${p50.toFixed(1).padStart(6)}   ${p99.toFixed(1).padStart(6)}   ${max.toFixed(1).padStart(6)}   ${rate.toFixed(0).padStart(10)}`;
}
