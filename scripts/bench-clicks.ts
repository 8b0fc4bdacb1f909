// `npm run bench:clicks`: the score click (GET /s/<token>/<score>, which records the response) over HTTP against
// `next start`, judged against the stack's own ceiling measured in the same run, on the same database:
//   1. the bare route (GET /bench/insert/<token>/<score>, lib/ops/bench-insert.ts: one prepared INSERT, in the same
//      app, on the same pool) and the score click at saturation, in turns: CONNECTIONS clients each sending their
//      next request when the last is answered. Target: clicks ≥ 50% of the bare route's requests a second.
//   2. the score click evenly paced at half its own saturation rate (scripts/bench/paced-load.ts, no coordinated
//      omission), then the bare route at the same rate. Target: the clicks' p99 under 50 ms.
// Absolute rates say how fast and how busy the box was; these ratios hold on any box. It prints the CPU
// milliseconds of each request by part (the app, the Postgres backends that served it, the load client) from the
// kernel's accounting, and the trigger functions' time per click from pg_stat_user_functions. Exits 1 when a target
// is missed.
//
// The survey pages are rate limited per client address (rightmost X-Forwarded-For, 120/min) and per link (30/min).
// The limiter stays on: every click is on a link of its own and carries an X-Forwarded-For address of its own, as
// that many different customers would (addresses from 198.18.0.0/15, the range reserved for benchmarks; they are
// header values only, all traffic stays on loopback). No worker runs: in production workers run on machines of
// their own (bench:alert measures the alerts end to end).
//
// Knobs: BENCH_SATURATION_ROUNDS, BENCH_SATURATION_SECONDS, BENCH_SECONDS (the paced phase), BENCH_CONNECTIONS, BENCH_MAX_RATE (links made
// for the saturated phase: that many a second), BENCH_WARM_UP_CLICKS, BENCH_STORES, BENCH_APP_INSTANCES.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { createBenchDatabase, ensureBuilt, startApp, stop } from "./bench/app-under-load";
import { cpuBetween, readCpu, withApplicationName, type CpuPart } from "./bench/cpu-meter";
import { pacedLoad, percentile, saturatedLoad, type PacedResult } from "./bench/paced-load";
import { perUnit, target, targetsExitCode } from "./bench/targets";
import { trackTriggerTime, triggerTimeLine, triggerTimes } from "./bench/trigger-time";

// The box's speed drifts within a run (other work on it comes and goes), so the two routes take turns: that many
// rounds of SATURATION_SECONDS each, rather than one after the other.
const SATURATION_ROUNDS = Number(process.env.BENCH_SATURATION_ROUNDS ?? 3);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 5);
const PACED_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Kept-alive connections to the app: the saturating clients, and the most requests in flight when paced.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 1000);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3212);
// App processes (`next start` each, on consecutive ports), clicked in turn as a load balancer would.
const APP_INSTANCES = Number(process.env.BENCH_APP_INSTANCES ?? 1);
// A server in production is warm: its code compiled by the JIT, its pool connected, its statements prepared.
const WARM_UP_CLICKS = Number(process.env.BENCH_WARM_UP_CLICKS ?? 1500);
const WARM_UP_RATE = 200;
// A person's browser: lib/responses/scanner-guard.ts holds clicks from link scanners and HTTP libraries.
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "accept-language": "en" };
const APP_DATABASE_NAME = "bench-app";

ensureBuilt();
const databaseName = `nps_bench_clicks_${randomBytes(3).toString("hex")}`;
const database = await createBenchDatabase(databaseName);
const { createOrganization } = await import("../lib/organizations/organizations");
const { newSurveyToken } = await import("../lib/sending/survey-token");
const { db } = await import("../lib/db/client");
await trackTriggerTime(database.url);

const organization = await createOrganization({ name: "Bench Clicks", slug: "bench-clicks", adminEmail: "admin@bench-clicks.test" });
// BENCH_STORES spreads the emails over that many stores (default 1, the worst case: every click of the run adds
// to the same store's rollup rows).
const STORES = Number(process.env.BENCH_STORES ?? 1);
const stores = await Promise.all(Array.from({ length: STORES }, (_, n) => db.store.create({ data: { organizationId: organization.id, code: `B-${n + 1}`, name: `Bench Store ${n + 1}` } })));
const survey = await db.survey.findFirstOrThrow({ where: { organizationId: organization.id } });
// One link a click: the warm-up, the saturated phase at up to MAX_RATE, the paced phase at half of that at most.
const tokens = Array.from({ length: WARM_UP_CLICKS + MAX_RATE * SATURATION_SECONDS * SATURATION_ROUNDS + (MAX_RATE / 2) * PACED_SECONDS }, () => newSurveyToken());
for (let i = 0; i < tokens.length; i += 1000) {
  const batch = tokens.slice(i, i + 1000);
  const contacts = batch.map((_, j) => ({ id: `bc${i + j}`, organizationId: organization.id, email: `c${i + j}@bench.test`, storeId: stores[(i + j) % STORES]!.id }));
  await db.contact.createMany({ data: contacts });
  await db.surveySend.createMany({
    data: batch.map((token, j) => ({ organizationId: organization.id, surveyId: survey.id, contactId: contacts[j]!.id, storeId: contacts[j]!.storeId, channel: "store" as const, token, locale: "en" })),
  });
}

// No SMTP server: the alerts go to the outbox, which only demo mode has (lib/env.ts). BENCH_ROUTES turns on the
// bare route.
const appDatabaseUrl = withApplicationName(database.url, APP_DATABASE_NAME);
const env = { DATABASE_URL: appDatabaseUrl, DATABASE_POOL_SIZE: "10", DEMO_MODE: "true", BENCH_ROUTES: "1" };
const apps = await Promise.all(Array.from({ length: APP_INSTANCES }, (_, n) => startApp(APP_PORT + n, env)));
const cpuParts: CpuPart[] = [
  { name: "app", pids: () => apps.map((app) => app.pid!), withChildren: true },
  { name: "postgres", postgres: { url: database.url, applicationName: APP_DATABASE_NAME } },
  { name: "client", pids: () => [process.pid] },
];

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const statuses = new Map<string, number>();

/** One GET; the answer's status counted under `route`. */
function get(route: string, path: string, i: number, headers: http.OutgoingHttpHeaders = {}) {
  return new Promise<void>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: APP_PORT + (i % APP_INSTANCES), path, headers, agent }, (response) => {
        const key = `${route} ${response.statusCode}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        response.resume().on("end", resolve);
      })
      .on("error", reject);
  });
}

/**
 * Clicks on the links tokens[from, to), each once, in turn, each from a client address of its own; `click` is
 * false once every one was clicked.
 */
function linksToClick(from: number, to: number) {
  let next = from;
  const click = async (n: number): Promise<boolean> => {
    const i = next++;
    if (i >= to) return false;
    const headers = { ...BROWSER, "x-forwarded-for": `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` };
    await get("click", `/s/${tokens[i]}/${i % 11}`, n, headers);
    return true;
  };
  return { click, ranOut: () => next > to, tokens: () => tokens.slice(from, Math.min(next, to)) };
}

async function bareInsert(n: number): Promise<boolean> {
  await get("bare", `/bench/insert/${tokens[n % tokens.length]}/${n % 11}`, n);
  return true;
}

type Measured = { requests: number; failures: number; seconds: number; cpu: Record<string, number>; triggers: Map<string, number> };
const nothingYet = (): Measured => ({ requests: 0, failures: 0, seconds: 0, cpu: {}, triggers: new Map() });

/** Runs a window of load, added to `into` with the CPU each part spent on it and the trigger functions' time. */
async function measure<T extends { requests: number; failures: number; seconds: number }>(into: Measured, load: () => Promise<T>): Promise<T> {
  const [cpuBefore, triggersBefore] = [await readCpu(cpuParts), await triggerTimes(database.url)];
  const result = await load();
  const cpu = cpuBetween(cpuBefore, await readCpu(cpuParts));
  // Backends report their function statistics at most once a second.
  await sleep(1500);
  for (const [name, ms] of await triggerTimes(database.url)) into.triggers.set(name, (into.triggers.get(name) ?? 0) + ms - (triggersBefore.get(name) ?? 0));
  for (const [part, ms] of Object.entries(cpu)) into.cpu[part] = (into.cpu[part] ?? 0) + ms;
  into.requests += result.requests;
  into.failures += result.failures;
  into.seconds += result.seconds;
  return result;
}

const warmUpLinks = linksToClick(0, WARM_UP_CLICKS);
const saturationLinks = linksToClick(WARM_UP_CLICKS, WARM_UP_CLICKS + MAX_RATE * SATURATION_SECONDS * SATURATION_ROUNDS);
const pacedLinks = linksToClick(WARM_UP_CLICKS + MAX_RATE * SATURATION_SECONDS * SATURATION_ROUNDS, tokens.length);
await pacedLoad(WARM_UP_CLICKS, WARM_UP_RATE, (n) => warmUpLinks.click(n).then(() => undefined));
await pacedLoad(WARM_UP_CLICKS, WARM_UP_RATE, (n) => bareInsert(n).then(() => undefined));
statuses.clear();

const [bare, clicks, pacedClicks] = [nothingYet(), nothingYet(), nothingYet()];
for (let round = 0; round < SATURATION_ROUNDS; round++) {
  await measure(bare, () => saturatedLoad(CONNECTIONS, SATURATION_SECONDS, bareInsert));
  await measure(clicks, () => saturatedLoad(CONNECTIONS, SATURATION_SECONDS, saturationLinks.click));
}
if (saturationLinks.ranOut()) console.log(`Every link of the saturated phase was clicked before its end: raise BENCH_MAX_RATE above ${MAX_RATE}.`);
const [barePerSecond, clicksPerSecond] = [bare.requests / bare.seconds, clicks.requests / clicks.seconds];
const halfRate = Math.floor(clicksPerSecond / 2);
const pacedCount = Math.min(halfRate * PACED_SECONDS, (MAX_RATE / 2) * PACED_SECONDS);
const paced = await measure(pacedClicks, async () => {
  const result = await pacedLoad(pacedCount, halfRate, (n) => pacedLinks.click(n).then(() => undefined));
  return { ...result, requests: result.latencies.length };
});
const pacedBare = await pacedLoad(pacedCount, halfRate, (n) => bareInsert(n).then(() => undefined));
agent.destroy();
const clickedTokens = [...saturationLinks.tokens(), ...pacedLinks.tokens()];
const responses = await db.response.count({ where: { organizationId: organization.id, surveySend: { token: { in: clickedTokens } } } });

const answers = [...statuses].map(([status, count]) => `${count} × ${status}`).join(", ");
console.log(`\nSaturation: ${CONNECTIONS} clients, the two routes in turn for ${SATURATION_SECONDS} s each, ${SATURATION_ROUNDS} rounds, ${APP_INSTANCES} app process(es), ${STORES} store(s), after ${WARM_UP_CLICKS.toLocaleString("en")} warm-up requests of each route at ${WARM_UP_RATE}/s`);
console.log(`answers: ${answers}; ${bare.failures + clicks.failures + paced.failures + pacedBare.failures} failed; ${responses} responses recorded (a recorded click answers 303)`);
console.log(`${"".padEnd(28)}   requests/s   CPU ms a request: app   Postgres   load client   all`);
const rows = [["bare INSERT route, saturated", bare], ["score click, saturated", clicks], ["score click, paced at half", pacedClicks]] as const;
for (const [label, run] of rows) {
  const { app = NaN, postgres = NaN, client = NaN } = run.cpu;
  console.log(`${label.padEnd(28)}   ${(run.requests / run.seconds).toFixed(0).padStart(10)}   ${perUnit(app, run.requests).padStart(21)}   ${perUnit(postgres, run.requests).padStart(8)}   ${perUnit(client, run.requests).padStart(11)}   ${perUnit(app + postgres + client, run.requests).padStart(5)}`);
}
for (const [label, run] of [["at saturation", clicks], ["paced", pacedClicks]] as const) {
  const triggerLine = triggerTimeLine(new Map(), run.triggers, run.requests);
  // Wall time: waits for another click's row lock count in it.
  console.log(`trigger functions' own time a click ${label} (ms, wall time inside Postgres): ${triggerLine || "none recorded"}`);
}
const share = clicksPerSecond / barePerSecond;
console.log(`\nPaced at half the clicks' saturation rate, ${halfRate}/s for ${(pacedCount / Math.max(1, halfRate)).toFixed(0)} s:`);
console.log("                          p50 ms   p99 ms   max ms   requests/s");
console.log(`score click over HTTP   ${row(paced)}`);
console.log(`bare INSERT route       ${row(pacedBare)}`);
console.log(`slowest click of each second (ms): ${paced.slowestBySecond.map((ms) => ms.toFixed(0)).join(" ")}`);
console.log(`load client's longest stall: ${paced.clientStallMs.toFixed(0)} ms\n`);
const p99 = percentile(paced.latencies, 99);
target(`score clicks ≥ 50% of the bare INSERT route's requests/s at saturation: ${clicksPerSecond.toFixed(0)} / ${barePerSecond.toFixed(0)} = ${(share * 100).toFixed(0)}%`, share >= 0.5 && clicks.failures === 0 && !saturationLinks.ranOut());
target(`p99 < 50 ms at half the clicks' saturation rate (${halfRate}/s): ${p99.toFixed(1)} ms`, p99 < 50 && paced.failures === 0);

apps.forEach(stop);
await sleep(2000);
await db.$disconnect();
await database.drop();
process.exit(targetsExitCode());

function row({ latencies, seconds }: PacedResult) {
  const [p50, p99, max] = [percentile(latencies, 50), percentile(latencies, 99), latencies.at(-1)!];
  return `${p50.toFixed(1).padStart(6)}   ${p99.toFixed(1).padStart(6)}   ${max.toFixed(1).padStart(6)}   ${(latencies.length / seconds).toFixed(0).padStart(10)}`;
}
