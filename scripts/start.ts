import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { demoModeOf, exitIfRefused } from "../lib/env";
import { migrate } from "../lib/db/migrate";
import { logger } from "../lib/logging/logger";
import { installJobQueue } from "../lib/queue/enqueue";
import { APP_NODE_FLAGS } from "./app-node-flags";
import { build, isBuildCurrent } from "./build-stamp";

// `npm start`: the whole product on one command. Without DATABASE_URL it runs on an embedded Postgres (PGlite)
// whose data stays in .data/, migrates, seeds the demo once (demo mode only), builds when the sources changed and
// serves on PORT. Outside demo mode (lib/env.ts) it refuses to start without SMTP_URL, NEXTAUTH_SECRET and APP_URL.
exitIfRefused();
const demo = demoModeOf(process.env);
const root = process.cwd();
const dataDir = path.join(root, ".data");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

mkdirSync(dataDir, { recursive: true });
let embedded: EmbeddedPostgres | undefined;
if (!process.env.DATABASE_URL) {
  const pgliteDir = process.env.PGLITE_DIR ?? path.join(dataDir, "pglite");
  logger().info(`Starting the embedded Postgres in ${path.relative(root, pgliteDir)} …`);
  embedded = await startEmbeddedPostgres(pgliteDir);
  process.env.DATABASE_URL = embedded.url;
  // PGlite is a single session: one connection, so two requests' transactions never interleave.
  process.env.DATABASE_POOL_SIZE = "1";
  // No load balancer in front of the demo to wait for (scripts/app-graceful.mjs).
  process.env.SHUTDOWN_DRAIN_SECONDS ??= "0";
}
if (demo) {
  process.env.DEMO_MODE = "true"; // decided here, before DATABASE_URL is set: the app and the worker inherit it
  process.env.APP_URL ||= `http://localhost:${port}`;
  process.env.NEXTAUTH_SECRET ||= demoSecret();
}
process.env.NEXTAUTH_URL ??= process.env.APP_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const applied = await migrate(process.env.DATABASE_URL!);
if (applied.length) logger().info({ migrations: applied }, `Migrated: ${applied.join(", ")}`);
// The app queues jobs in the transactions that decide them, so pg-boss's tables must exist before it serves.
await installJobQueue(process.env.DATABASE_URL!);

if (demo && process.env.SEED_DEMO !== "false") {
  const { seedDemo } = await import("../prisma/seed/demo");
  const { db } = await import("../lib/db/client");
  const started = Date.now();
  const seeded = await seedDemo();
  await db.$disconnect();
  if (seeded.created) logger().info(`Seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  printDemoUsers(seeded.users);
}

if (!isBuildCurrent(root)) {
  logger().info("Building the app (the sources differ from the last build) …");
  const status = build(root, process.env);
  if (status !== 0) await shutdown(status);
}

const server = spawn(process.execPath, [...APP_NODE_FLAGS, nextBin, "start", "-p", String(port)], { stdio: "inherit", env: process.env });
let worker: ReturnType<typeof spawn> | undefined;
if (process.env.START_WORKER !== "false") startWorkerProcess();
console.log(`\nNPS Loop is starting on ${process.env.APP_URL}`);
if (demo) console.log(`Demo mode: sample data, one-click sign-ins at ${process.env.APP_URL}/signin; not for production.`);
if (demo && !process.env.SMTP_URL) console.log(`Mail goes to the outbox: ${process.env.APP_URL}/outbox`);
server.on("exit", (code) => shutdown(code ?? 0));
// SIGTERM or Ctrl-C: passed to both; `next start` stops taking connections and finishes the requests in flight, the
// worker finishes its jobs in hand; shutdown() waits for both before stopping the embedded Postgres.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    signalled = true;
    worker?.kill(signal);
    server.kill(signal);
  });
}

let stopping = false;
let signalled = false;

/**
 * The background worker (alerts, escalations, re-surveys, digests) in a process of its own beside the app, as
 * `npm run worker` runs it; restarted if it dies, so alerts keep flowing.
 */
function startWorkerProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], {
    stdio: "inherit",
    env: { ...process.env, WORKER_POOL_SIZE: embedded ? "1" : (process.env.WORKER_POOL_SIZE ?? "2") },
  });
  worker = child;
  child.on("exit", (code) => {
    if (stopping) return;
    logger().error({ exitCode: code }, `The worker stopped (exit ${code}); restarting it in 5 s.`);
    setTimeout(() => {
      if (!stopping) startWorkerProcess();
    }, 5_000);
  });
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) worker?.kill("SIGTERM");
  stopping = true;
  // The worker may still be finishing its jobs (WORKER_STOP_TIMEOUT_SECONDS, 20 s by default): wait for it.
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const limit = (Number(process.env.WORKER_STOP_TIMEOUT_SECONDS ?? 20) + 10) * 1000;
    await new Promise((resolve) => {
      worker!.once("exit", resolve);
      setTimeout(resolve, limit).unref();
    });
  }
  await embedded?.stop();
  // Stopped on request (Next exits 143 after a SIGTERM): a clean exit.
  process.exit(signalled ? 0 : code);
}

/** A stable secret for the local demo, so sessions survive restarts; production sets NEXTAUTH_SECRET. */
function demoSecret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function printDemoUsers(users: { email: string; role: string; tenant: string; stores?: string[] }[]) {
  console.log("\nDemo users (one click on the sign-in page, or sign in with the email):");
  for (const user of users) {
    const stores = user.stores?.length ? ` (${user.stores.join(", ")})` : "";
    console.log(`  ${user.email.padEnd(34)} ${user.role.padEnd(14)} ${user.tenant}${stores}`);
  }
}
