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
const { installJobQueue } = await import("../lib/queue/enqueue");
const { startWorker } = await import("../lib/worker/worker");

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the app's database (the one `npm start` or `npm run db:migrate` prepared).");
  process.exit(1);
}
await installJobQueue(url);
const worker = await startWorker({
  connectionString: url,
  poolSize: Number(process.env.WORKER_POOL_SIZE ?? 2),
  batchSize: Number(process.env.WORKER_BATCH_SIZE ?? 20),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  });
}
