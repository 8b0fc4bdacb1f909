import { db } from "../db/client";
import { jobSchema } from "../queue/enqueue";
import { QUEUES } from "../queue/queues";
import type { Tenant } from "../tenancy/tenant";
import { nextRunOf, SCHEDULES } from "./schedules";

export type RecurringJob = { name: string; cron: string; nextRun: Date };
export type WaitingJobs = { name: string; count: number; nextRun: Date };

/**
 * What will run without anyone asking: the recurring schedules (the weekly digests, the sweeps) with their next run,
 * and this tenant's jobs queued for a later time (survey reminders, escalations at a follow-up's due time, store
 * digests, re-surveys), counted by kind with the soonest.
 */
export async function listScheduledJobs(tenant: Tenant, now = new Date()) {
  const recurring: RecurringJob[] = SCHEDULES.map(([kind, cron]) => ({ name: QUEUES[kind], cron, nextRun: nextRunOf(cron, now) }));
  const rows = await db.$queryRawUnsafe<{ name: string; count: bigint; next_run: Date }[]>(
    `SELECT name, count(*) AS count, min(start_after) AS next_run FROM ${jobSchema()}.job
      WHERE state IN ('created', 'retry') AND start_after > $2 AND data->>'organizationId' = $1
      GROUP BY name ORDER BY min(start_after)`,
    tenant.organizationId,
    now,
  );
  const waiting: WaitingJobs[] = rows.map((row) => ({ name: row.name, count: Number(row.count), nextRun: row.next_run }));
  return { recurring, waiting };
}
