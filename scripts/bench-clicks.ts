// `npm run bench:clicks`: score clicks (GET /s/<token>/<score>, which records the response) over HTTP against
// `next start`, evenly paced at 200 requests/s (scripts/bench/paced-load.ts), next to a raw single-row INSERT on the
// same database, paced the same, in the same run. Prints p50/p99 latency and requests/s of both, and the ratio.
// Target: p99 under 50 ms at 200/s. Also prints the slowest click of each second, which tells one stall from a
// tail all along.
//
// The detractors' alerts: in production the workers run on machines of their own (docs/architecture.md), so by default
// (BENCH_WORKER=after) the worker starts when the clicks are done and the bench prints how fast it sends the alerts
// they queued. BENCH_WORKER=alongside runs it during the clicks, on the same cores as the app and Postgres (on a
// two-core box that measures the box); BENCH_WORKER=off leaves it out.
//
// Knobs: BENCH_RATE, BENCH_SECONDS, BENCH_WARM_UP_CLICKS, BENCH_WARM_UP_RATE, BENCH_STORES (emails spread over
// that many stores), BENCH_APP_INSTANCES, BENCH_WORKER, BENCH_WORKER_NICE.
//
// The survey pages are rate limited per client address (rightmost X-Forwarded-For, 120/min) and per link (30/min).
// The limiter stays on: every request clicks a link of its own and carries an X-Forwarded-For address of its own,
// as 200 different customers a second would (addresses from 198.18.0.0/15, the range reserved for benchmarks;
// they are header values only, all traffic stays on loopback).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { createBenchDatabase, ensureBuilt, startApp, startWorker, stop } from "./bench/app-under-load";
import { pacedLoad, percentile, type PacedResult } from "./bench/paced-load";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
// Kept-alive connections to the app, and the baseline's pool: requests beyond them wait (and the wait counts).
const CONNECTIONS = 20;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3212);
// App processes (`next start` each, on consecutive ports), clicked in turn as a load balancer would: one Node
// process runs on one core, and a deployment runs several.
const APP_INSTANCES = Number(process.env.BENCH_APP_INSTANCES ?? 1);
const CLICKS = RATE * SECONDS;
// A server in production is warm: its code compiled by the JIT, its pool connected, its statements prepared.
// Measured on a cold one, the first seconds' backlog is most of the tail; warmed at half the rate, it still opened
// the rest of its pool's connections (and prepared their statements) in the run's first seconds.
const WARM_UP_CLICKS = Number(process.env.BENCH_WARM_UP_CLICKS ?? 1500);
const WARM_UP_RATE = Number(process.env.BENCH_WARM_UP_RATE ?? RATE);
// A person's browser: lib/responses/scanner-guard.ts holds clicks from link scanners and HTTP libraries.
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "accept-language": "en" };

ensureBuilt();
const database = await createBenchDatabase(`nps_bench_clicks_${randomBytes(3).toString("hex")}`);
process.env.DATABASE_URL = database.url;
const { createOrganization } = await import("../lib/organizations/organizations");
const { newSurveyToken } = await import("../lib/sending/survey-token");
const { db } = await import("../lib/db/client");

const organization = await createOrganization({ name: "Bench Clicks", slug: "bench-clicks", adminEmail: "admin@bench-clicks.test" });
// BENCH_STORES spreads the emails over that many stores (default 1, the worst case: every click of the run adds
// to the same store's rollup rows).
const STORES = Number(process.env.BENCH_STORES ?? 1);
const stores = await Promise.all(Array.from({ length: STORES }, (_, n) => db.store.create({ data: { organizationId: organization.id, code: `B-${n + 1}`, name: `Bench Store ${n + 1}` } })));
const survey = await db.survey.findFirstOrThrow({ where: { organizationId: organization.id } });
const tokens = Array.from({ length: CLICKS + WARM_UP_CLICKS }, () => newSurveyToken());
for (let i = 0; i < tokens.length; i += 1000) {
  const batch = tokens.slice(i, i + 1000);
  const contacts = batch.map((_, j) => ({ id: `bc${i + j}`, organizationId: organization.id, email: `c${i + j}@bench.test`, storeId: stores[(i + j) % STORES]!.id }));
  await db.contact.createMany({ data: contacts });
  await db.surveySend.createMany({
    data: batch.map((token, j) => ({ organizationId: organization.id, surveyId: survey.id, contactId: contacts[j]!.id, storeId: contacts[j]!.storeId, channel: "store" as const, token, locale: "en" })),
  });
}

// No SMTP server: the alerts go to the outbox, which only demo mode has (lib/env.ts).
const env = { DATABASE_URL: database.url, DATABASE_POOL_SIZE: "10", DEMO_MODE: "true" };
const apps = await Promise.all(Array.from({ length: APP_INSTANCES }, (_, n) => startApp(APP_PORT + n, env)));
const WORKER = process.env.BENCH_WORKER ?? "after";
if (!["after", "alongside", "off"].includes(WORKER)) throw new Error(`BENCH_WORKER is after, alongside or off, not ${WORKER}`);
// Alongside, at a lower CPU priority (BENCH_WORKER_NICE, 0 = the same as the app's): the alerts' jobs wait out a
// burst of clicks instead of competing with them for the cores.
const WORKER_NICE = Number(process.env.BENCH_WORKER_NICE ?? 10);
const startBenchWorker = () => startWorker({ ...env, WORKER_POOL_SIZE: "2" }, { niceness: WORKER === "alongside" ? WORKER_NICE : 0 });
let worker = WORKER === "alongside" ? startBenchWorker() : null;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const statuses = new Map<number, number>();

// Clicks tokens[from, from + count) at `rate`, each from a client address of its own.
function clickAll(from: number, count: number, rate: number) {
  return pacedLoad(count, rate, (n) => {
    const i = from + n;
    const headers = { ...BROWSER, "x-forwarded-for": `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` };
    return new Promise<void>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: APP_PORT + (i % APP_INSTANCES), path: `/s/${tokens[i]}/${i % 11}`, headers, agent }, (response) => {
          statuses.set(response.statusCode!, (statuses.get(response.statusCode!) ?? 0) + 1);
          response.resume().on("end", resolve);
        })
        .on("error", reject);
    });
  });
}

await clickAll(CLICKS, WARM_UP_CLICKS, WARM_UP_RATE);
statuses.clear();
const clicks = await clickAll(0, CLICKS, RATE);
const clicksEnded = Date.now();
agent.destroy();
const responses = await db.response.count({ where: { organizationId: organization.id, surveySend: { token: { in: tokens.slice(0, CLICKS) } } } });

// Baseline: one INSERT of one row per request, same database, same pacing.
const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
await pool.query(`CREATE TABLE bench_click (id serial PRIMARY KEY, token text NOT NULL, score smallint NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
const inserts = await pacedLoad(CLICKS, RATE, async (i) => void (await pool.query("INSERT INTO bench_click (token, score) VALUES ($1, $2)", [tokens[i], i % 11])));
await pool.end();

// The alerts the clicks queued, sent by the worker started now (BENCH_WORKER=after) or already running.
const alerts = WORKER === "off" ? null : await drainAlerts();

const answers = [...statuses].map(([status, count]) => `${count} × ${status}`).join(", ");
console.log(`\n${CLICKS.toLocaleString("en")} score clicks at ${RATE}/s on ${APP_INSTANCES} app process(es) for ${STORES} store(s), evenly paced, each a different link and client address, after ${WARM_UP_CLICKS.toLocaleString("en")} warm-up clicks at ${WARM_UP_RATE}/s`);
console.log(`answers: ${answers}, ${clicks.failures} failed; ${responses} responses recorded (a recorded click answers 303)`);
console.log("                          p50 ms   p99 ms   max ms   requests/s");
console.log(`score click over HTTP   ${row(clicks)}`);
console.log(`raw single-row INSERT   ${row(inserts)}`);
const ratio = (p: number) => (percentile(clicks.latencies, p) / percentile(inserts.latencies, p)).toFixed(1).padStart(6);
console.log(`ratio click / insert    ${ratio(50)}×  ${ratio(99)}×`);
console.log(`slowest click of each second (ms): ${clicks.slowestBySecond.map((ms) => ms.toFixed(0)).join(" ")}`);
console.log(`load client's longest stall: ${clicks.clientStallMs.toFixed(0)} ms`);
if (alerts) {
  const rate = WORKER === "after" ? ` (${alerts.perSecond.toFixed(0)} alerts/s from its start)` : "";
  console.log(`worker ${WORKER} the clicks: ${alerts.sent} alerts sent, the last ${alerts.lastAfterClicks.toFixed(1)} s after the clicks ended${rate}; ${alerts.waiting} still queued`);
}
const p99 = percentile(clicks.latencies, 99);
console.log(`target: p99 < 50 ms at ${RATE} requests/s → ${p99 < 50 && clicks.failures === 0 ? "met" : "NOT met"}`);

if (worker) stop(worker);
apps.forEach(stop);
await sleep(2000);
await db.$disconnect();
await database.drop();
process.exit(0);

async function drainAlerts() {
  const workerStarted = Date.now();
  worker ??= startBenchWorker();
  const { QUEUES } = await import("../lib/queue/queues");
  const { jobProducer } = await import("../lib/queue/enqueue");
  let waiting = Infinity;
  for (let second = 0; second < 300 && waiting > 0; second++) {
    await sleep(1000);
    // Created, retried or running: every state before "completed".
    waiting = (await jobProducer().getQueueSize(QUEUES.alert, { before: "completed" })) ?? 0;
  }
  const where = { organizationId: organization.id, kind: "alert", status: "sent" as const };
  const [sent, last] = await Promise.all([db.mailDelivery.count({ where }), db.mailDelivery.aggregate({ where, _max: { sentAt: true } })]);
  const lastSent = last._max.sentAt?.getTime() ?? clicksEnded;
  return { sent, waiting, lastAfterClicks: (lastSent - clicksEnded) / 1000, perSecond: sent / Math.max(0.001, (lastSent - workerStarted) / 1000) };
}

function row({ latencies, seconds }: PacedResult) {
  const [p50, p99, max] = [percentile(latencies, 50), percentile(latencies, 99), latencies.at(-1)!];
  return `${p50.toFixed(1).padStart(6)}   ${p99.toFixed(1).padStart(6)}   ${max.toFixed(1).padStart(6)}   ${(latencies.length / seconds).toFixed(0).padStart(10)}`;
}
