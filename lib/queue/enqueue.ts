import PgBoss from "pg-boss";
import { db, type Prisma, type PrismaClient } from "../db/client";
import { env } from "../env";
import { currentRequestId } from "../logging/logger";
import { QUEUES, type JobData, type JobKind } from "./queues";

// Jobs live in Postgres (pg-boss, schema "pgboss", beside our tables in "public"). Producers insert jobs through
// Prisma, inside the transaction that decides them: a job exists exactly when its cause was committed.
export function jobSchema(): string {
  return env().JOB_SCHEMA;
}

// Retries with backoff (5 s, 10 s, 20 s …); a job still failing after that stays "failed" for the jobs page.
const QUEUE_OPTIONS = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 } as const;

type Client = Prisma.TransactionClient | PrismaClient;

/** pg-boss's database interface over a Prisma client or transaction. */
export function prismaJobDb(client: Client): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await client.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])) }),
  };
}

const globalForBoss = globalThis as unknown as { jobProducer?: PgBoss };

// Never started: a producer only builds pg-boss's insert and runs it on the client each call passes.
export function jobProducer(): PgBoss {
  globalForBoss.jobProducer ??= new PgBoss({ db: prismaJobDb(db), schema: jobSchema() });
  return globalForBoss.jobProducer;
}

export type EnqueueOptions = { startAfter?: Date; singletonKey?: string; singletonSeconds?: number; retryLimit?: number };

/**
 * A job's data with the request id of the request queuing it (a click's, lib/logging/request-log.ts), so that the
 * worker's log lines and the mail it sends can be traced back to the request. Jobs queued outside a request (the
 * sweep, a job queuing the next) keep what their data has.
 */
export function withRequestId<T extends object>(data: T): T {
  const requestId = currentRequestId();
  return requestId && !("requestId" in data) ? { ...data, requestId } : data;
}

/** Queues a job on `client`: pass the transaction that makes the job necessary. */
export async function enqueue<K extends JobKind>(client: Client, kind: K, data: JobData[K], options: EnqueueOptions = {}) {
  return jobProducer().send(QUEUES[kind], withRequestId(data), { ...options, db: prismaJobDb(client) });
}

export type JobToQueue<K extends JobKind = JobKind> = { kind: K; data: JobData[K]; startAfter?: Date };

/** pg-boss's own INSERT of `jobs` as SQL text and values, captured instead of run. */
async function jobInsertStatement(jobs: JobToQueue[]): Promise<{ text: string; values: unknown[] }> {
  let statement: { text: string; values: unknown[] } | undefined;
  const capture: PgBoss.Db = {
    executeSql: async (text, values) => {
      statement = { text, values: values ?? [] };
      return { rows: [] };
    },
  };
  await jobProducer().insert(
    jobs.map((job) => ({ name: QUEUES[job.kind], data: withRequestId(job.data), startAfter: job.startAfter })),
    { db: capture },
  );
  if (!statement) throw new Error("pg-boss built no insert");
  return statement;
}

/**
 * pg-boss's insert of `jobs` as a sub-statement of a writer's own statement (the first click, new contacts' sends),
 * so the jobs commit with the writer's rows or not at all. Its first parameter (the jobs as JSON, in pg-boss
 * 10) is replaced by the SQL expression `jobsSql`, and its others are numbered after the writer's `ownParameters`.
 * `values` are those others; `jobsJson` is what pg-boss would have passed as the first.
 */
export async function jobInsertSubstatement(jobs: JobToQueue[], jobsSql: string, ownParameters: number) {
  const insert = await jobInsertStatement(jobs);
  const text = insert.text.replace(/\$(\d+)/g, (_, n: string) => (n === "1" ? jobsSql : `$${Number(n) - 1 + ownParameters}`));
  return { text, jobsJson: insert.values[0], values: insert.values.slice(1) };
}

/** Creates pg-boss's schema and our queues; every process that runs jobs or the app calls it at start. */
export async function installJobQueue(connectionString: string, schema = jobSchema()): Promise<void> {
  const boss = new PgBoss({ connectionString, schema, max: 1, supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await createQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
  }
}
