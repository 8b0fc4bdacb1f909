// `npm run worker`: the background worker alone (alerts, escalations, re-surveys, digests). Run as many as you
// like, on as many machines: they share the queues in Postgres. `npm start` runs one beside the app.

// The worker renders its emails with React, which runs its development build unless NODE_ENV says otherwise:
// several times slower (under bench:clicks, React's development JSX was a third of the worker's CPU). It is a
// production process like `next start`, so it defaults to production, before anything loads React.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
export {};
const { exitIfRefused, WORKER_SETTINGS } = await import("../lib/env");
exitIfRefused(process.env, WORKER_SETTINGS);
const { db } = await import("../lib/db/client");
const { env } = await import("../lib/env");
const { logger } = await import("../lib/logging/logger");
const { installJobQueue } = await import("../lib/queue/enqueue");
const { startWorker } = await import("../lib/worker/worker");
const { serveWorkerMetrics } = await import("../lib/worker/metrics-server");

const url = process.env.DATABASE_URL;
if (!url) {
  logger().fatal("Set DATABASE_URL to the app's database (the one `npm start` or `npm run db:migrate` prepared).");
  process.exit(1);
}
await installJobQueue(url);
const worker = await startWorker({
  connectionString: url,
  poolSize: Number(process.env.WORKER_POOL_SIZE ?? 2),
  batchSize: Number(process.env.WORKER_BATCH_SIZE ?? 20),
});
const metricsServer = env().WORKER_METRICS_PORT ? await serveWorkerMetrics(env().WORKER_METRICS_PORT!) : undefined;

// SIGTERM (a deploy, `docker stop`, systemd) or Ctrl-C: stop fetching, let the jobs in hand finish (at most
// WORKER_STOP_TIMEOUT_SECONDS; the rest are handed back and retried), then close the database. Once: a second
// signal while stopping changes nothing.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger().info({ component: "worker", signal }, `${signal}: stopping (no new jobs; finishing the ones in hand)`);
    metricsServer?.close();
    const report = await worker.stop().catch((error: unknown) => {
      logger().error({ component: "worker", err: error }, "worker stop failed");
      return undefined;
    });
    await db.$disconnect();
    logger().info({ component: "worker", ...report }, "worker exits");
    // pg-boss and the SMTP pool may leave timers behind: leave now that the work is done.
    process.exit(report ? 0 : 1);
  });
}
