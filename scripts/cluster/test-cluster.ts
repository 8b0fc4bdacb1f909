// `npm run test:cluster`: three app processes and two workers behind HAProxy, on a scratch database and the local
// Redis; a campaign's sends, customers' clicks and an API key above its limit go through the balancer while one
// app process and one worker are killed (SIGKILL) and another app process is stopped (SIGTERM), each restarted.
// Asserts every email sent once, every click stored once, failures within what the dying processes had in hand,
// the API limit held across processes, and a session made on one process accepted by all. docs/scale-out.md.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startBalancer } from "./balancer";
import { ensureCurrentBuild } from "./build";
import { startMailSink } from "./mail-sink";
import { checkOutcome, printChecks } from "./outcome";
import { startCluster } from "./processes";
import { runLoad } from "./run-load";
import { createScratchDatabase, createTenants, deleteRedisKeys, shortenJobExpiry } from "./scratch";
import { sessionAcceptedBy, signInThrough } from "./session-check";
import { APP_PORTS, BALANCER_PORT, clusterEnv, REDIS_KEY_PREFIX, SENDS, SMTP_PORT, WORKERS } from "./settings";

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
let passed = false;

try {
  ensureCurrentBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "nps-cluster-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = await createScratchDatabase();
  cleanups.push(database.drop, deleteRedisKeys);
  const sink = await startMailSink(SMTP_PORT);
  cleanups.push(sink.close);
  const { jobSchema } = await import("../../lib/queue/enqueue");
  const { db } = await import("../../lib/db/client");
  cleanups.push(() => db.$disconnect());
  const tenants = await createTenants();
  cleanups.push(await shortenJobExpiry(database.url, jobSchema()));

  console.log(`Starting ${APP_PORTS.length} app processes (:${APP_PORTS.join(", :")}) and ${WORKERS} workers; Redis prefix ${REDIS_KEY_PREFIX}`);
  const cluster = await startCluster(APP_PORTS, WORKERS, clusterEnv(database.url, randomBytes(32).toString("base64url")));
  cleanups.push(cluster.stop);
  const balancer = await startBalancer(dir, BALANCER_PORT, APP_PORTS);
  cleanups.push(balancer.stop);
  for (let i = 0; i < 100 && !(await Promise.all(cluster.apps.map((app) => balancer.up(app.name)))).every(Boolean); i++) await sleep(200);
  console.log(`Cluster up after ${elapsed()}; HAProxy on :${BALANCER_PORT}, SMTP sink on :${SMTP_PORT}; ${SENDS} sends`);

  const load = await runLoad(cluster, balancer, sink, tenants);
  console.log(`Load done after ${elapsed()}`);
  const cookie = await signInThrough(APP_PORTS[2]!, tenants.adminEmail, sink);
  const sessionOnEvery = await Promise.all(APP_PORTS.map((port) => sessionAcceptedBy(port, cookie, tenants.adminEmail)));
  passed = printChecks(await checkOutcome(load, sink, tenants.shop.id, sessionOnEvery));
  console.log(`\n${passed ? "PASS" : "FAIL"}: test:cluster in ${elapsed()}`);
} catch (error) {
  console.error(`FAIL: ${(error as Error).stack ?? error}`);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup: ${(error as Error).message}`);
    }
  }
}
process.exit(passed ? 0 : 1);
