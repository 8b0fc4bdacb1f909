import { subDays } from "date-fns";
import { db } from "../db";
import { enqueue } from "./job-queue";

// The safety net behind the jobs queued at the moment of each decision: every minute, whatever is due and not
// done yet gets a job again (a job that failed for good, data from before the worker ran). The handlers are
// idempotent, so a job queued twice does its work once. Work older than a week is left to a person.
const LOOK_BACK_DAYS = 7;
// At most one re-queued job per item an hour, so a job that keeps failing cannot flood the queue.
const RETRY_WINDOW_SECONDS = 3600;

export async function sweepDueWork(now = new Date()): Promise<{ escalations: number; resurveys: number }> {
  const since = subDays(now, LOOK_BACK_DAYS);
  const [overdue, resurveys] = await Promise.all([
    db.followUp.findMany({
      where: { status: "open", dueAt: { lte: now, gte: since }, escalatedAt: null, response: { category: "detractor" } },
      select: { id: true, organizationId: true },
      take: 1000,
    }),
    db.resurvey.findMany({
      where: { sentAt: null, dueAt: { lte: now, gte: since }, response: { contact: { unsubscribedAt: null } } },
      select: { id: true, organizationId: true },
      take: 1000,
    }),
  ]);
  const throttle = (key: string) => ({ singletonKey: key, singletonSeconds: RETRY_WINDOW_SECONDS });
  await db.$transaction(async (tx) => {
    for (const f of overdue) await enqueue(tx, "escalation", { organizationId: f.organizationId, followUpId: f.id }, throttle(`sweep-escalation:${f.id}`));
    for (const r of resurveys) await enqueue(tx, "resurvey", { organizationId: r.organizationId, resurveyId: r.id }, throttle(`sweep-resurvey:${r.id}`));
  });
  return { escalations: overdue.length, resurveys: resurveys.length };
}
