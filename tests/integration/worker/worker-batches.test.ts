import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueue, installJobQueue, jobProducer } from "@/lib/queue/enqueue";
import { QUEUES } from "@/lib/queue/queues";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";
import { createTenant } from "@/tests/support/factories";

// A job schema of this file's own, and a worker that polls only every minute: what it runs after its first poll,
// it runs because a full batch made it fetch again at once.
const schema = `pgboss_test_${randomBytes(3).toString("hex")}`;
let worker: RunningWorker;
beforeAll(async () => {
  process.env.JOB_SCHEMA = schema;
  await installJobQueue(process.env.DATABASE_URL!, schema);
});
afterAll(async () => {
  await worker?.stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

it("fetches the next batch at once after a full one, instead of waiting out the polling interval", async () => {
  const { tenant } = await createTenant("Batch Worker Shop");
  // Alerts for responses that no longer exist: each job runs and completes, sending nothing.
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 7; i++) await enqueue(tx, "alert", { organizationId: tenant.organizationId, responseId: randomUUID() });
  });

  worker = await startWorker({ connectionString: process.env.DATABASE_URL!, batchSize: 2, pollingIntervalSeconds: 60, schedule: false, log: () => undefined });

  const deadline = Date.now() + 15_000;
  let waiting = Infinity;
  while (waiting > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    waiting = (await jobProducer().getQueueSize(QUEUES.alert, { before: "completed" })) ?? 0;
  }
  expect(waiting).toBe(0);
});
