import PgBoss from "pg-boss";
import { HANDLERS } from "./handlers";
import { env } from "../env";
import { logger, withLogContext } from "../logging/logger";
import { metrics } from "../metrics/metrics";
import { createQueues, jobSchema } from "../queue/enqueue";
import { QUEUES, type JobKind } from "../queue/queues";
import { SCHEDULES } from "./schedules";

export type WorkerOptions = {
  connectionString: string;
  /** Connections pg-boss itself uses (fetching, completing); lib/ uses Prisma's pool besides. */
  poolSize?: number;
  /** How often an idle worker asks for jobs; 0.5 s keeps "alerted within seconds" with room to spare. */
  pollingIntervalSeconds?: number;
  /** Jobs fetched and run together per queue. */
  batchSize?: number;
  /** Cron jobs (sweep, weekly digests); any number of workers may run them, pg-boss fires each once. */
  schedule?: boolean;
  /** Where the worker's own lines go (a test's or a fault script's capture); lib/logging/logger.ts by default. */
  log?: (message: string) => void;
  /** How long stop() lets the jobs in hand finish (WORKER_STOP_TIMEOUT_SECONDS). */
  stopTimeoutSeconds?: number;
};

/**
 * Per-queue settings. pg-boss waits at least 0.5 s between fetches of one work loop, so a queue's throughput is at
 * most batchSize × loops × 2 per second: survey emails need hundreds a second.
 */
function workTuning(kind: JobKind): { batchSize?: number; loops?: number } {
  if (kind === "surveySend") return { batchSize: env().SEND_BATCH_SIZE, loops: env().SEND_WORK_LOOPS };
  if (kind === "webhookDelivery") return { batchSize: 50, loops: 1 };
  return {};
}


export type RunningWorker = { boss: PgBoss; stop: () => Promise<StopReport> };

/** What a graceful stop did: jobs in hand when it began, and those still running at its timeout (handed back). */
export type StopReport = { seconds: number; inHand: number; handedBack: number };

/**
 * The background worker: polls every queue, runs each fetched job through its handler, fails only the jobs that
 * threw (pg-boss retries them with backoff, then keeps them "failed" with their error for the jobs page).
 * Several workers, on several machines, share the queues safely: a job is fetched by one of them (SKIP LOCKED).
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((message: string) => logger().info({ component: "worker" }, message));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: jobSchema(),
    max: options.poolSize ?? 2,
    schedule: options.schedule ?? true,
    supervise: true,
  });
  boss.on("error", (error) => (options.log ? log(`error: ${error.message}`) : logger().error({ component: "worker", err: error }, "pg-boss error")));
  await boss.start();
  await createQueues(boss);
  // Jobs this worker is running now (what a graceful stop waits for).
  let running = 0;
  for (const kind of Object.keys(HANDLERS) as JobKind[]) {
    const name = QUEUES[kind];
    const { loops = 1, ...tuning } = workTuning(kind);
    const work = { batchSize: options.batchSize ?? 20, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5, ...tuning };
    const runJobs = (jobs: PgBoss.Job<never>[]) =>
      Promise.all(
        jobs.map((job) => {
          const requestId = (job.data as { requestId?: unknown } | null)?.requestId;
          // Every line the handler logs (the mail it sends included) names the job and the request that queued it.
          const context = { jobId: job.id, queue: name, ...(typeof requestId === "string" ? { requestId } : {}) };
          return withLogContext(context, async () => {
            const started = performance.now();
            running += 1;
            try {
              const result = await (HANDLERS[kind] as (data: unknown) => Promise<unknown>)(job.data);
              logger().info({ event: "job done", ms: Math.round(performance.now() - started), result: summary(result) }, `job ${name} done`);
            } catch (error) {
              metrics().jobFailures.inc({ queue: name });
              if (options.log) log(`${name} ${job.id} failed: ${(error as Error).message}`);
              else logger().warn({ event: "job failed", err: error, ms: Math.round(performance.now() - started) }, `job ${name} failed (retried)`);
              await boss.fail(name, job.id, { message: (error as Error).message, stack: (error as Error).stack });
            } finally {
              running -= 1;
            }
          });
        }),
      );
    for (let loop = 0; loop < loops; loop++) {
      const workerId: string = await boss.work<never>(name, work, async (jobs) => {
        await runJobs(jobs);
        // pg-boss waits out the polling interval after every batch, which caps a queue at one batch per interval
        // (alerts at 40/s). A full batch most likely left more behind: fetch again at once.
        if (jobs.length === work.batchSize) boss.notifyWorker(workerId);
      });
    }
  }
  if (options.schedule ?? true) {
    for (const [kind, cron] of SCHEDULES) await boss.schedule(QUEUES[kind], cron, {});
  }
  log(`processing ${Object.values(QUEUES).join(", ")}`);
  let stopping: Promise<StopReport> | undefined;
  // Graceful: pg-boss stops fetching at once, waits (polling every 0.5 s) until the jobs in hand are done or the
  // timeout passes, then fails what is still running ("pg-boss shut down while active"): those are retried, by
  // this or another worker, like any failed job, and every handler is safe to run twice. Then it closes its pool.
  // Called twice (a second SIGTERM), it returns the first call's promise rather than cutting the wait short.
  const stop = () => {
    stopping ??= (async () => {
      const started = Date.now();
      const inHand = () => running;
      const atStart = inHand();
      const timeoutSeconds = options.stopTimeoutSeconds ?? env().WORKER_STOP_TIMEOUT_SECONDS;
      await boss.stop({ graceful: true, timeout: timeoutSeconds * 1000, wait: true });
      // Jobs still running now were failed by pg-boss (retried later); their handlers may still be finishing.
      const report = { seconds: (Date.now() - started) / 1000, inHand: atStart, handedBack: inHand() };
      logger().info({ component: "worker", ...report }, "worker stopped");
      return report;
    })();
    return stopping;
  };
  return { boss, stop };
}

/** A handler's result as a log field: small objects and strings as they are, anything else left out. */
function summary(result: unknown): unknown {
  if (typeof result === "string" || typeof result === "number") return result;
  if (result && typeof result === "object" && !Array.isArray(result) && Object.keys(result).length <= 6) return result;
  return undefined;
}
