import { subMinutes } from "date-fns";
import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { jobProducer, jobSchema } from "../queue/enqueue";

export type FailedJob = {
  id: string;
  name: string;
  state: "failed" | "retry";
  retryCount: number;
  error: string;
  createdOn: Date;
  failedOn: Date | null;
};

// Unconfirmed: claimed this long ago and never marked sent (the sender crashed, or SMTP timed out mid-message).
const UNCONFIRMED_AFTER_MINUTES = 5;

/**
 * What an admin must look at: the tenant's jobs that failed for good or are waiting for a retry, each with its
 * last error (pg-boss keeps them in its own tables, archived ones included), and mails whose sending is unconfirmed.
 */
export async function listJobProblems(tenant: Tenant, now = new Date()) {
  const failed = await db.$queryRawUnsafe<
    { id: string; name: string; state: FailedJob["state"]; retry_count: number; output: unknown; created_on: Date; completed_on: Date | null }[]
  >(
    `SELECT id::text, name, state::text AS state, retry_count, output, created_on, completed_on FROM ${jobSchema()}.job
      WHERE state IN ('failed', 'retry') AND data->>'organizationId' = $1
     UNION ALL
     SELECT id::text, name, state::text AS state, retry_count, output, created_on, completed_on FROM ${jobSchema()}.archive
      WHERE state = 'failed' AND data->>'organizationId' = $1
     ORDER BY created_on DESC LIMIT 100`,
    tenant.organizationId,
  );
  const unconfirmed = await db.mailDelivery.findMany({
    where: { organizationId: tenant.organizationId, status: "sending", claimedAt: { lt: subMinutes(now, UNCONFIRMED_AFTER_MINUTES) } },
    orderBy: { claimedAt: "desc" },
    take: 100,
  });
  const jobs: FailedJob[] = failed.map((row) => ({
    id: row.id,
    name: row.name,
    state: row.state,
    retryCount: row.retry_count,
    error: errorText(row.output),
    createdOn: row.created_on,
    failedOn: row.completed_on,
  }));
  return { jobs, unconfirmed };
}

function errorText(output: unknown): string {
  const value = (output as { message?: string; value?: { message?: string } } | null) ?? {};
  return value.message ?? value.value?.message ?? JSON.stringify(output);
}

/** Puts one of the tenant's failed jobs back in its queue. */
export async function retryFailedJob(tenant: Tenant, jobId: string): Promise<void> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM ${jobSchema()}.job WHERE id::text = $1 AND state = 'failed' AND data->>'organizationId' = $2`,
    jobId,
    tenant.organizationId,
  );
  const job = rows[0];
  if (!job) throw new NotFoundError("Job");
  await jobProducer().retry(job.name, jobId);
  await recordAuditEvent(tenant, { action: "job_retried", subject: jobId, detail: { job: job.name } });
}
