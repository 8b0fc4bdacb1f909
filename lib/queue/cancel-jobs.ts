import type { Prisma, PrismaClient } from "../db/client";
import { jobSchema } from "./enqueue";
import { QUEUES, type JobData, type JobKind } from "./queues";

type Client = Prisma.TransactionClient | PrismaClient;

/** The fields of a job's data that name a row (surveySendId, followUpId …), for the kinds that have one. */
type IdField<K extends JobKind> = { [F in keyof JobData[K]]-?: JobData[K][F] extends string | undefined ? F : never }[keyof JobData[K]];

/**
 * Cancels the jobs of `kind` whose data names one of `ids`: those waiting (created, retry) and those that failed
 * for good (which the jobs page offers to retry and the sweep may queue again). A running job is left to its
 * handler, which checks its row again. Returns how many were cancelled. It reads the queue's own partition of the
 * job table by its data (no index): fine for what calls it, erasure, which is rare.
 */
export async function cancelJobs<K extends JobKind>(client: Client, kind: K, field: IdField<K> & string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return client.$executeRawUnsafe(
    `UPDATE ${jobSchema()}.job SET state = 'cancelled', completed_on = now()
      WHERE name = $1 AND state IN ('created', 'retry', 'failed') AND data->>$2 = ANY($3::text[])`,
    QUEUES[kind],
    field,
    [...ids],
  );
}
