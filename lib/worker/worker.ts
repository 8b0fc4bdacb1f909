import PgBoss from "pg-boss";
import { HANDLERS } from "./handlers";
import { env } from "../env";
import { createQueues, jobSchema } from "../queue/enqueue";
import { QUEUES, type JobKind } from "../queue/queues";

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
  log?: (message: string) => void;
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

// Cron schedules (UTC). Monday 06:00: every store's week has ended (UTC−12 … UTC+14), in time for the morning
// meeting in Europe.
const SCHEDULES: [JobKind, string][] = [
  ["sweep", "* * * * *"],
  ["sendingSweep", "* * * * *"],
  ["weeklyDigests", "0 6 * * 1"],
];

export type RunningWorker = { boss: PgBoss; stop: () => Promise<void> };

/**
 * The background worker: polls every queue, runs each fetched job through its handler, fails only the jobs that
 * threw (pg-boss retries them with backoff, then keeps them "failed" with their error for the jobs page).
 * Several workers, on several machines, share the queues safely: a job is fetched by one of them (SKIP LOCKED).
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((message: string) => console.log(`[worker] ${message}`));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: jobSchema(),
    max: options.poolSize ?? 2,
    schedule: options.schedule ?? true,
    supervise: true,
  });
  boss.on("error", (error) => log(`error: ${error.message}`));
  await boss.start();
  await createQueues(boss);
  for (const kind of Object.keys(HANDLERS) as JobKind[]) {
    const name = QUEUES[kind];
    const { loops = 1, ...tuning } = workTuning(kind);
    const work = { batchSize: options.batchSize ?? 20, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5, ...tuning };
    const runJobs = (jobs: PgBoss.Job<never>[]) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await (HANDLERS[kind] as (data: unknown) => Promise<unknown>)(job.data);
          } catch (error) {
            log(`${name} ${job.id} failed: ${(error as Error).message}`);
            await boss.fail(name, job.id, { message: (error as Error).message, stack: (error as Error).stack });
          }
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
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
