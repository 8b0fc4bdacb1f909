import { subDays } from "date-fns";
import { db } from "../db/client";
import { enqueue, jobSchema } from "../queue/enqueue";
import { QUEUES, type JobData } from "../queue/queues";

// The safety net behind the jobs queued at the moment of each decision: every minute, whatever is due and not
// done yet gets a job again (a job that failed for good, data from before the worker ran). The handlers are
// idempotent, so a job queued twice does its work once. A re-survey older than a week is left to a person; an
// overdue follow-up is escalated however old (once: escalatedAt), read through FollowUp_awaiting_escalation_idx,
// which holds only the open follow-ups not escalated yet.
const LOOK_BACK_DAYS = 7;
// At most one re-queued job per item an hour, so a job that keeps failing cannot flood the queue.
const RETRY_WINDOW_SECONDS = 3600;

export async function sweepDueWork(now = new Date()): Promise<{ escalations: number; resurveys: number; alerts: number }> {
  const since = subDays(now, LOOK_BACK_DAYS);
  const [overdue, resurveys, alerts] = await Promise.all([
    db.followUp.findMany({
      where: { status: "open", dueAt: { lte: now }, escalatedAt: null, response: { category: "detractor" } },
      select: { id: true, organizationId: true },
      orderBy: { dueAt: "asc" },
      take: 1000,
    }),
    db.resurvey.findMany({
      where: { sentAt: null, dueAt: { lte: now, gte: since }, response: { contact: { unsubscribedAt: null } } },
      select: { id: true, organizationId: true },
      take: 1000,
    }),
    failedAlerts(subDays(now, ALERT_LOOK_BACK_DAYS)),
  ]);
  const throttle = (key: string) => ({ singletonKey: key, singletonSeconds: RETRY_WINDOW_SECONDS });
  await db.$transaction(async (tx) => {
    for (const f of overdue) await enqueue(tx, "escalation", { organizationId: f.organizationId, followUpId: f.id }, throttle(`sweep-escalation:${f.id}`));
    for (const r of resurveys) await enqueue(tx, "resurvey", { organizationId: r.organizationId, resurveyId: r.id }, throttle(`sweep-resurvey:${r.id}`));
    for (const { data } of alerts) await enqueue(tx, "alert", data, throttle(`sweep-alert:${data.responseId}:${data.commentAdded ?? false}`));
  });
  return { escalations: overdue.length, resurveys: resurveys.length, alerts: alerts.length };
}

// An alert whose retries all failed (SMTP down longer than the retries' backoff) is tried again for a day; after
// that the follow-up's escalation has long told someone.
const ALERT_LOOK_BACK_DAYS = 1;

/** Alert jobs that failed for good and have no later attempt that is pending, running or done. */
function failedAlerts(since: Date) {
  const schema = jobSchema();
  const sameAlert = `j.name = f.name AND j.data->>'responseId' = f.data->>'responseId'
    AND (j.data->>'commentAdded') IS NOT DISTINCT FROM (f.data->>'commentAdded')`;
  return db.$queryRawUnsafe<{ data: JobData["alert"] }[]>(
    `SELECT DISTINCT ON (f.data->>'responseId', f.data->>'commentAdded') f.data FROM ${schema}.job f
      WHERE f.name = $1 AND f.state = 'failed' AND f.created_on >= $2
        AND NOT EXISTS (SELECT 1 FROM ${schema}.job j WHERE ${sameAlert} AND j.state <> 'failed')
        AND NOT EXISTS (SELECT 1 FROM ${schema}.archive j WHERE ${sameAlert} AND j.state = 'completed')
      LIMIT 1000`,
    QUEUES.alert,
    since,
  );
}
