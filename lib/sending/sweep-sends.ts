import { subMinutes } from "date-fns";
import { db } from "../db/client";
import { enqueue } from "../queue/enqueue";

// A claim older than this belongs to a worker that died mid-send (a live one settles within the SMTP timeouts).
const LEASE_MINUTES = 10;
// A queued send this long past its time has lost its job (failed for good, or a restore from backup).
const OVERDUE_MINUTES = 10;

/**
 * Every minute: sends claimed by a crashed worker are marked failed as unconfirmed (never re-sent: the server may
 * have them, see deliver-send.ts), and queued sends whose job is gone get one again (the job is idempotent).
 */
export async function sweepSends(now = new Date()): Promise<{ unconfirmed: number; requeued: number }> {
  const { count: unconfirmed } = await db.surveySend.updateMany({
    where: { status: "sending", claimedAt: { lt: subMinutes(now, LEASE_MINUTES) } },
    data: { status: "failed", statusReason: "Unconfirmed: the worker stopped while sending; not re-sent to avoid a duplicate" },
  });
  const overdue = subMinutes(now, OVERDUE_MINUTES);
  const stuck = await db.surveySend.findMany({
    where: {
      status: "queued",
      OR: [{ sendAfter: { lt: overdue } }, { sendAfter: null, createdAt: { lt: overdue } }],
    },
    select: { id: true, organizationId: true },
    take: 1000,
  });
  await db.$transaction(async (tx) => {
    for (const send of stuck) {
      await enqueue(tx, "surveySend", { organizationId: send.organizationId, surveySendId: send.id }, { singletonKey: `sweep-send:${send.id}`, singletonSeconds: 3600 });
    }
  });
  return { unconfirmed, requeued: stuck.length };
}
