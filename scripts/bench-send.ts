// `npm run bench:send`: 20,000 survey sends through the API (HTTP against `next start`) to a local SMTP sink,
// delivered by the worker (a real process); the sink is stopped for 10 s in the middle. Prints sends/s, duplicates
// and lost emails. Target: at least 300 emails/s, 0 duplicates, 0 lost. BENCH_BATCH sends that many per request
// through POST /api/v1/survey-sends/batch (default 100, as a shop's or CRM's export would); 1 calls
// POST /api/v1/survey-sends once per send.
import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { createBenchDatabase, ensureBuilt, startApp, startWorker, stop } from "./bench/app-under-load";

const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? (BATCH > 1 ? 4 : 64));
const OUTAGE_MS = 10_000;
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3211);
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT ?? 2526);

ensureBuilt();
const database = await createBenchDatabase(`nps_bench_send_${randomBytes(3).toString("hex")}`);
process.env.DATABASE_URL = database.url;
const { createOrganization } = await import("../lib/organizations/organizations");
const { createApiKey } = await import("../lib/api/api-keys");
const { db } = await import("../lib/db/client");

const organization = await createOrganization({ name: "Bench Retail", slug: "bench-send", adminEmail: "admin@bench-send.test" });
const { key } = await createApiKey({ organizationId: organization.id }, { name: "bench" });

// The sink counts each survey by its Message-ID (<survey-<send id>@host>): a second copy is a duplicate.
const received = new Map<string, number>();
let firstReceivedAt = 0;
let lastReceivedAt = 0;
let sink = await startSink();

const env = {
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: "20",
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SMTP_POOL_SIZE: process.env.SMTP_POOL_SIZE ?? "10",
  API_RATE_PER_SECOND: "100000",
};
const app = await startApp(APP_PORT, env);
const worker = startWorker({ ...env, WORKER_POOL_SIZE: "4" });
await worker.ready;

const endpoint = BATCH > 1 ? `POST /api/v1/survey-sends/batch, ${BATCH} a request` : "POST /api/v1/survey-sends";
console.log(`${SENDS.toLocaleString("en")} sends through ${endpoint}, ${CONCURRENCY} requests at a time; SMTP sink on :${SMTP_PORT}`);
const started = performance.now();
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

// Wait for the queue to drain: every send settled, or nothing new for 60 s.
for (let idle = 0; idle < 60; ) {
  const open = await db.surveySend.count({ where: { status: { in: ["queued", "sending"] } } });
  if (open === 0) break;
  const before = received.size;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  idle = received.size === before ? idle + 1 : 0;
}
await outage;
clearInterval(timeline);
const seconds = (lastReceivedAt - started) / 1000;
const copies = [...received.values()].reduce((sum, n) => sum + n, 0);
const statuses = await db.surveySend.groupBy({ by: ["status"], _count: { _all: true } });
const duplicates = copies - received.size;
const lost = accepted - received.size;
console.log(`\nEmails received: ${received.size.toLocaleString("en")} distinct in ${seconds.toFixed(1)} s from the first request, 10 s outage included`);
const deliverySeconds = (lastReceivedAt - firstReceivedAt) / 1000;
console.log(`Delivery (worker → SMTP): ${(received.size / deliverySeconds).toFixed(0)} emails/s from the first email to the last (${deliverySeconds.toFixed(1)} s, outage included), ${(received.size / (deliverySeconds - OUTAGE_MS / 1000)).toFixed(0)} emails/s without the outage`);
console.log(`End to end: ${(received.size / seconds).toFixed(0)} emails/s from the first request to the last email (target ≥ 300)`);
console.log(`End to end without the outage: ${(received.size / (seconds - OUTAGE_MS / 1000)).toFixed(0)} emails/s`);
console.log(`Duplicates: ${duplicates} (target 0)`);
console.log(`Lost:       ${lost} (target 0)`);
console.log(`Send statuses: ${statuses.map((s) => `${s.status} ${s._count._all}`).join(", ")}`);

stop(worker);
stop(app);
await new Promise((resolve) => setTimeout(resolve, 2000));
await db.$disconnect();
await new Promise<void>((resolve) => sink.server.close(() => resolve()));
await database.drop();
process.exit(duplicates === 0 && lost === 0 ? 0 : 1);

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
        if (received.size === Math.floor(SENDS / 3) && !outage) outage = new Promise((resolve) => setImmediate(resolve)).then(() => stopSinkFor(OUTAGE_MS));
      });
    },
  });
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
