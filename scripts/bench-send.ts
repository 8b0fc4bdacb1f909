// `npm run bench:send`: the sending engine end to end (queue → render → SMTP → marked sent) judged against a bare
// nodemailer pool sending the same number of pre-rendered survey emails to the same SMTP sink, in the same run:
//   1. 20,000 survey sends through the API (HTTP against `next start`), queued while no worker runs: the intake.
//   2. the bare pool: the same number of survey emails, rendered beforehand, through lib/mail/send-mail.ts's own
//      pooled transport (the engine's connections and encodings) from this process, with nothing else to do; half
//      before the engine's phase and half after it, so that the box's drift within the run falls on both.
//   3. the worker (a real process) started on the full queue, delivering it all; the sink is stopped for 10 s a
//      third of the way through. Its rate leaves the outage out (its reconnection is counted).
// Targets: the engine ≥ 70% of the bare pool's emails a second, 0 duplicates, 0 lost. Prints the CPU milliseconds
// of an email by part (worker, its Postgres backends, this process: the sink, and in the bare phase the pool).
// Exits 1 when a target is missed. BENCH_BATCH sends that many per request through
// POST /api/v1/survey-sends/batch (default 100, as a shop's or CRM's export would); 1 calls
// POST /api/v1/survey-sends once per send.
import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import pLimit from "p-limit";
import { SMTPServer } from "smtp-server";
import { createBenchDatabase, ensureBuilt, startApp, startWorker, stop } from "./bench/app-under-load";
import { cpuBetween, readCpu, withApplicationName, type CpuPart } from "./bench/cpu-meter";
import { perUnit, target, targetsExitCode } from "./bench/targets";
import { trackTriggerTime, triggerTimeLine, triggerTimes } from "./bench/trigger-time";

const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? (BATCH > 1 ? 4 : 64));
const OUTAGE_MS = 10_000;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3211);
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT ?? 2526);
const SMTP_POOL_SIZE = process.env.SMTP_POOL_SIZE ?? "10";
const WORKER_DATABASE_NAME = "bench-worker";
// The app and the worker log as in production; this process, whose pool is the baseline, only its warnings.
const LOG_LEVEL = process.env.LOG_LEVEL ?? "info";
// The bare pool in this process is lib/mail/send-mail.ts's transport with the engine's settings.
Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, SMTP_POOL_SIZE, LOG_LEVEL: "warn" });

ensureBuilt();
const database = await createBenchDatabase(`nps_bench_send_${randomBytes(3).toString("hex")}`);
await trackTriggerTime(database.url);
const { createOrganization } = await import("../lib/organizations/organizations");
const { createApiKey } = await import("../lib/api/api-keys");
const { db } = await import("../lib/db/client");
const { sendMail } = await import("../lib/mail/send-mail");
const { surveyMessage } = await import("../lib/sending/survey-message");
const { newSurveyToken } = await import("../lib/sending/survey-token");

const organization = await createOrganization({ name: "Bench Retail", slug: "bench-send", adminEmail: "admin@bench-send.test" });
const { key } = await createApiKey({ organizationId: organization.id }, { name: "bench" });

// The sink counts each survey by its Message-ID (<survey-<send id>@host>): a second copy is a duplicate.
const received = new Map<string, number>();
let firstReceivedAt = 0;
let lastReceivedAt = 0;
// The outage is for the engine's phase only.
let outageDue = false;
let sink = await startSink();

const env = {
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: "20",
  SMTP_URL: process.env.SMTP_URL!,
  SMTP_POOL_SIZE,
  API_RATE_PER_SECOND: "100000",
  // The links in the emails; the worker refuses to start without it.
  APP_URL: `http://localhost:${APP_PORT}`,
  LOG_LEVEL,
};
const app = await startApp(APP_PORT, env);

const endpoint = BATCH > 1 ? `POST /api/v1/survey-sends/batch, ${BATCH} a request` : "POST /api/v1/survey-sends";
console.log(`${SENDS.toLocaleString("en")} sends through ${endpoint}, ${CONCURRENCY} requests at a time, no worker running; SMTP sink on :${SMTP_PORT}`);
let started = performance.now();
// BENCH_VERBOSE also prints the emails received each second.
const timeline = process.env.BENCH_VERBOSE ? setInterval(() => console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${received.size} emails`), 1000) : undefined;
let next = 0;
let accepted = 0;
const failures: string[] = [];
let outage: Promise<void> | undefined;
const sendOf = (i: number) => ({ contact: { email: `customer-${i}@bench.test`, name: `Customer ${i}`, locale: "en" }, transactionRef: `order-${i}` });
async function client() {
  while (next < SENDS) {
    const first = next;
    next = Math.min(SENDS, next + BATCH);
    const items = Array.from({ length: next - first }, (_, k) => first + k);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const response = BATCH > 1
      ? await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/survey-sends/batch`, { method: "POST", headers, body: JSON.stringify({ sends: items.map((i) => ({ ...sendOf(i), idempotencyKey: `bench-${i}` })) }) })
      : await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/survey-sends`, { method: "POST", headers: { ...headers, "idempotency-key": `bench-${first}` }, body: JSON.stringify(sendOf(first)) });
    const text = await response.text();
    const body = (text.startsWith("{") ? JSON.parse(text) : { text }) as { status?: string | number; send?: { status: string }; results?: { status: number; send?: { status: string } }[] };
    const answers = response.status === 200 && body.results ? body.results : [{ status: response.status, send: body as { status: string } }];
    for (const answer of answers) {
      if (answer.status === 202 && answer.send?.status === "queued") accepted += 1;
      else failures.push(`${answer.status} ${JSON.stringify(answer)}`);
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, client));
const apiSeconds = (performance.now() - started) / 1000;
console.log(`Intake (API): ${accepted} accepted (202 queued) in ${apiSeconds.toFixed(1)} s = ${(accepted / apiSeconds).toFixed(0)} sends/s; ${failures.length} refused`);
for (const failure of failures.slice(0, 5)) console.log(`  ${failure}`);

// The baseline: as many survey emails, rendered before the clock starts, handed to the same pooled transport.
const benchProcess: CpuPart = { name: "bench", pids: () => [process.pid] };
const facts = await db.organization.findUniqueOrThrow({
  where: { id: organization.id },
  select: { name: true, brandColor: true, defaultLocale: true, surveys: { take: 1, select: { texts: { select: { locale: true, emailSubject: true, question: true } } } } },
});
const rendered = await Promise.all(
  Array.from({ length: SENDS }, (_, i) =>
    surveyMessage({ id: `bare-${i}`, organizationId: organization.id, token: newSurveyToken(), locale: "en", contact: { email: `customer-${i}@bench.test`, name: `Customer ${i}` }, organization: facts, survey: facts.surveys[0]! }),
  ),
);
/** Half of the pre-rendered emails (`half` 0 or 1) through the pool: emails received, seconds, this process's CPU. */
async function barePool(half: number) {
  resetCounts();
  const cpuBefore = await readCpu([benchProcess]);
  const begun = performance.now();
  const inFlight = pLimit(200);
  await Promise.all(rendered.filter((_, i) => i % 2 === half).map((mail) => inFlight(() => sendMail({ ...mail, kind: "survey" }))));
  return { emails: received.size, copies: copiesReceived(), seconds: (lastReceivedAt - begun) / 1000, cpuMs: cpuBetween(cpuBefore, await readCpu([benchProcess])).bench! };
}
// The box's speed drifts within a run: half of the baseline before the engine, half after.
const bareBefore = await barePool(0);

// The engine: the worker on the full queue, the sink cut a third of the way through.
resetCounts();
outageDue = true;
const worker = startWorker({ ...env, DATABASE_URL: withApplicationName(database.url, WORKER_DATABASE_NAME), WORKER_POOL_SIZE: "4" });
await worker.ready;
// Read once it is up: loading its code is no part of an email's cost.
const workerParts: CpuPart[] = [
  { name: "worker", pids: () => [worker.pid!], withChildren: true },
  { name: "postgres", postgres: { url: database.url, applicationName: WORKER_DATABASE_NAME } },
  benchProcess,
];
const [engineCpuBefore, triggersBefore] = [await readCpu(workerParts), await triggerTimes(database.url)];
// From the worker's first sign of work (ready, or an email, whichever came first), as the bare pool's clock starts
// at its first message; its start-up (loading its code) is not the engine's throughput.
started = Math.min(performance.now(), firstReceivedAt || Infinity);
// Done when every send is settled: marked sent is the end of a send's delivery. Or nothing new for 60 s.
let engineEnded = performance.now();
let engineCpu: Record<string, number> = {};
for (let idle = 0; idle < 600; ) {
  const open = await db.surveySend.count({ where: { status: { in: ["queued", "sending"] } } });
  engineEnded = performance.now();
  if (open === 0) {
    engineCpu = cpuBetween(engineCpuBefore, await readCpu(workerParts));
    break;
  }
  const before = received.size;
  await new Promise((resolve) => setTimeout(resolve, 100));
  idle = received.size === before ? idle + 1 : 0;
}
await outage;
clearInterval(timeline);
const engine = { emails: received.size, copies: copiesReceived() };
// Backends report their function statistics at most once a second.
await new Promise((resolve) => setTimeout(resolve, 1500));
const engineTriggers = triggerTimeLine(triggersBefore, await triggerTimes(database.url), engine.emails);
outageDue = false;
stop(worker);
const bareAfter = await barePool(1);
const bare = { emails: bareBefore.emails + bareAfter.emails, copies: bareBefore.copies + bareAfter.copies, seconds: bareBefore.seconds + bareAfter.seconds, cpuMs: bareBefore.cpuMs + bareAfter.cpuMs };
const engineSeconds = (engineEnded - started) / 1000 - OUTAGE_MS / 1000;
const statuses = await db.surveySend.groupBy({ by: ["status"], _count: { _all: true } });
const duplicates = engine.copies - engine.emails + bare.copies - bare.emails;
const lost = accepted - engine.emails + SENDS - bare.emails;
const barePerSecond = bare.emails / bare.seconds;
const enginePerSecond = engine.emails / engineSeconds;

console.log(`\n                                     emails   seconds   emails/s   CPU ms an email: worker   Postgres   this process`);
console.log(`bare nodemailer pool, pre-rendered   ${String(bare.emails).padStart(6)}   ${bare.seconds.toFixed(1).padStart(7)}   ${barePerSecond.toFixed(0).padStart(8)}   ${"—".padStart(23)}   ${"—".padStart(8)}   ${perUnit(bare.cpuMs, bare.emails).padStart(12)}`);
const { worker: workerMs = NaN, postgres: postgresMs = NaN, bench: benchMs = NaN } = engineCpu;
console.log(`sending engine, ${OUTAGE_MS / 1000} s outage left out   ${String(engine.emails).padStart(6)}   ${engineSeconds.toFixed(1).padStart(7)}   ${enginePerSecond.toFixed(0).padStart(8)}   ${perUnit(workerMs, engine.emails).padStart(23)}   ${perUnit(postgresMs, engine.emails).padStart(8)}   ${perUnit(benchMs, engine.emails).padStart(12)}`);
console.log(`trigger functions' own time an email (ms, wall time inside Postgres): ${engineTriggers}`);
console.log(`Send statuses: ${statuses.map((s) => `${s.status} ${s._count._all}`).join(", ")}\n`);
const share = enginePerSecond / barePerSecond;
target(`the engine ≥ 70% of the bare pool's emails/s: ${enginePerSecond.toFixed(0)} / ${barePerSecond.toFixed(0)} = ${(share * 100).toFixed(0)}%`, share >= 0.7);
target(`0 duplicates: ${duplicates}`, duplicates === 0);
target(`0 lost (accepted or handed to the pool, never received): ${lost}`, lost === 0);

stop(worker);
stop(app);
await new Promise((resolve) => setTimeout(resolve, 2000));
await db.$disconnect();
await new Promise<void>((resolve) => sink.server.close(() => resolve()));
await database.drop();
process.exit(targetsExitCode());

function resetCounts() {
  received.clear();
  firstReceivedAt = 0;
  lastReceivedAt = 0;
}

function copiesReceived() {
  return [...received.values()].reduce((sum, n) => sum + n, 0);
}

async function startSink() {
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `unknown-${Math.random()}`;
        received.set(id, (received.get(id) ?? 0) + 1);
        lastReceivedAt = performance.now();
        firstReceivedAt ||= lastReceivedAt;
        callback();
        // The outage comes a third of the way through the deliveries, once this message's 250 is on its way: a
        // sink that counted a message and then cut the connection before acknowledging it would have asked for
        // the retry it then counts as a duplicate.
        if (outageDue && received.size === Math.floor(SENDS / 3) && !outage) outage = new Promise((resolve) => setImmediate(resolve)).then(() => stopSinkFor(OUTAGE_MS));
      });
    },
  });
  // A connection reset by its client (the pool's, when the sink cuts it) is no failure of the sink's.
  server.on("error", () => undefined);
  server.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
  return { server, sockets };
}

/** The mail server goes away (connections cut, port closed) and comes back after `ms`. */
async function stopSinkFor(ms: number) {
  console.log(`… stopping the SMTP sink for ${ms / 1000} s after ${received.size} emails`);
  const { server, sockets } = sink;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  await closed;
  await new Promise((resolve) => setTimeout(resolve, ms));
  sink = await startSink();
  console.log(`… SMTP sink back after ${received.size} emails`);
}
