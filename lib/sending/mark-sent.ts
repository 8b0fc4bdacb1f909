import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";

// Under load many sends reach "sent" at once (a batch of jobs over a pool of connections), and every statement that
// marks one runs the rollup trigger and waits for its own commit. Those that are ready in the same turn of the
// event loop are marked by one statement instead. Each caller still waits for that statement: a send counts as
// sent only once it is committed so, exactly as before.

type Waiting = { organizationId: string; id: string; sentAt: Date; resolve: () => void; reject: (error: unknown) => void };
let waiting: Waiting[] = [];

/** sending → sent at `sentAt`, unless the send was settled otherwise meanwhile. */
export function markSent(tenant: Tenant, id: string, sentAt: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push({ organizationId: tenant.organizationId, id, sentAt, resolve, reject });
    if (waiting.length === 1) setImmediate(markWaiting);
  });
}

async function markWaiting() {
  const batch = waiting;
  waiting = [];
  try {
    const organizationIds = batch.map((send) => send.organizationId);
    const ids = batch.map((send) => send.id);
    const times = batch.map((send) => send.sentAt.toISOString());
    // A batch may hold several tenants' sends: each is matched with its own tenant.
    await db.$executeRaw`
      UPDATE "SurveySend" AS s SET "status" = 'sent', "statusReason" = NULL, "sentAt" = v."sentAt"
        FROM unnest(${organizationIds}::text[], ${ids}::text[], ${times}::text[]::timestamp(3)[]) AS v("organizationId", "id", "sentAt")
       WHERE s."id" = v."id" AND s."organizationId" = v."organizationId" AND s."status" = 'sending'`;
    for (const send of batch) send.resolve();
  } catch (error) {
    for (const send of batch) send.reject(error);
  }
}
