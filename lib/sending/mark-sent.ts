import { db } from "../db/client";

// Under load many sends reach "sent" at once (a batch of jobs over a pool of connections), and every statement that
// marks one runs the rollup trigger and waits for its own commit. Those that are ready in the same turn of the
// event loop are marked by one statement instead. Each caller still waits for that statement: a send counts as
// sent only once it is committed so, exactly as before.

type Waiting = { id: string; sentAt: Date; resolve: () => void; reject: (error: unknown) => void };
let waiting: Waiting[] = [];

/** sending → sent at `sentAt`, unless the send was settled otherwise meanwhile. */
export function markSent(id: string, sentAt: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push({ id, sentAt, resolve, reject });
    if (waiting.length === 1) setImmediate(markWaiting);
  });
}

async function markWaiting() {
  const batch = waiting;
  waiting = [];
  try {
    const ids = batch.map((send) => send.id);
    const times = batch.map((send) => send.sentAt.toISOString());
    await db.$executeRaw`
      UPDATE "SurveySend" AS s SET "status" = 'sent', "statusReason" = NULL, "sentAt" = v."sentAt"
        FROM unnest(${ids}::text[], ${times}::text[]::timestamp(3)[]) AS v("id", "sentAt")
       WHERE s."id" = v."id" AND s."status" = 'sending'`;
    for (const send of batch) send.resolve();
  } catch (error) {
    for (const send of batch) send.reject(error);
  }
}
