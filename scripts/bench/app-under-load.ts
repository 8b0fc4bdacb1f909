import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { installJobQueue } from "../../lib/queue/enqueue";
import { migrate } from "../../lib/db/migrate";
import { APP_NODE_FLAGS } from "../app-node-flags";

// What bench:send and bench:clicks share: a database of their own on the local server (created, migrated, dropped
// at the end), and the built app (`next start`) and the worker as real processes, as in production.

const SERVER_URL = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = process.cwd();

/** A fresh, migrated database, which the bench process's own DATABASE_URL then names. */
export async function createBenchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  // The bench's own lib/ code (the job queue's schema below, its setup, its checks) works on this database.
  process.env.DATABASE_URL = url.toString();
  await migrate(url.toString());
  await installJobQueue(url.toString());
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Builds the app if it never was (`next build` is slow; run `npm run build` after changing code). */
export function ensureBuilt() {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("Building the app first (next build) …");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}

// `next start` refuses to start outside demo mode without a session secret (lib/env.ts); the benches sign no one in.
// No load balancer asks /api/ready, so a stopping app need not keep serving first.
const BENCH_SECRET = randomBytes(32).toString("base64url");

export async function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_APP_NODE_ARGS profiles the app alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles".
  const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const app = track(spawn(process.execPath, [...APP_NODE_FLAGS, ...nodeArgs, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", APP_URL: `http://localhost:${port}`, NEXTAUTH_SECRET: BENCH_SECRET, SHUTDOWN_DRAIN_SECONDS: "0", ...env },
    stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
  }));
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
      return app;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  app.kill();
  throw new Error("next start did not answer within a minute");
}

/**
 * The worker as a process of its own. `niceness` lowers its CPU priority: on a small bench box it shares the cores
 * with the app, as it would not in production, where workers run on machines of their own.
 */
export function startWorker(env: Record<string, string>, options: { niceness?: number } = {}): ChildProcess & { ready: Promise<void> } {
  // BENCH_WORKER_NODE_ARGS profiles the worker alone, as BENCH_APP_NODE_ARGS the app.
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const command = [process.execPath, ...nodeArgs, "--import", "tsx", path.join(root, "scripts", "worker.ts")];
  const niced = options.niceness ? ["nice", "-n", String(options.niceness), ...command] : command;
  const worker = track(spawn(niced[0]!, niced.slice(1), { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] }));
  // Ready once it says it is processing its queues (lib/worker/worker.ts), as a worker in production already is.
  const ready = new Promise<void>((resolve, reject) => {
    worker.stdout!.on("data", (chunk: Buffer) => {
      if (process.env.BENCH_VERBOSE) process.stdout.write(chunk);
      if (/processing /.test(chunk.toString())) resolve();
    });
    worker.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined);
  return Object.assign(worker, { ready });
}

// Children die with the bench, however it ends (an interrupted run must not leave a server on the port).
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

export function stop(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) child.kill("SIGTERM");
}
