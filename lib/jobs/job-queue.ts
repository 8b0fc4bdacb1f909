import PgBoss from "pg-boss";
import { db, type Prisma, type PrismaClient } from "../db";
import { env } from "../env";
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

/** Queues a job on `client`: pass the transaction that makes the job necessary. */
export async function enqueue<K extends JobKind>(client: Client, kind: K, data: JobData[K], options: EnqueueOptions = {}) {
  return jobProducer().send(QUEUES[kind], data, { ...options, db: prismaJobDb(client) });
}

export type JobToQueue<K extends JobKind = JobKind> = { kind: K; data: JobData[K]; startAfter?: Date };

/**
 * pg-boss's own INSERT of `jobs` as SQL text and values, not run: for a writer that folds the jobs into a
 * statement of its own (the first click, lib/responses/first-click.ts), so they commit with it or not at all.
 */
export async function jobInsertStatement(jobs: JobToQueue[]): Promise<{ text: string; values: unknown[] }> {
  let statement: { text: string; values: unknown[] } | undefined;
  const capture: PgBoss.Db = {
    executeSql: async (text, values) => {
      statement = { text, values: values ?? [] };
      return { rows: [] };
    },
  };
  await jobProducer().insert(
    jobs.map((job) => ({ name: QUEUES[job.kind], data: job.data, startAfter: job.startAfter })),
    { db: capture },
  );
  if (!statement) throw new Error("pg-boss built no insert");
  return statement;
}

/** Creates pg-boss's schema and our queues; every process that runs jobs or the app calls it at start. */
export async function installJobQueue(connectionString: string, schema = process.env.JOB_SCHEMA || "pgboss"): Promise<void> {
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
