import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueue, installJobQueue } from "@/lib/queue/enqueue";
import { listJobProblems, retryFailedJob } from "@/lib/worker/job-problems";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { respond } from "../responses/respond";

// A job schema of this file's own: other test files' jobs (in the shared database) stay out of this worker's way.
const schema = `pgboss_test_${randomBytes(3).toString("hex")}`;

let smtp: SmtpSink;
let worker: RunningWorker;
beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.JOB_SCHEMA = schema;
  await installJobQueue(process.env.DATABASE_URL!, schema);
  worker = await startWorker({ connectionString: process.env.DATABASE_URL!, poolSize: 2, schedule: false, log: () => undefined });
});
afterAll(async () => {
  await worker?.stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await smtp.close();
});

async function storeWithManager() {
  const { tenant, admin } = await createTenant("Worker Shop");
  const store = await createTestStore(tenant);
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const email = (await db.user.findUniqueOrThrow({ where: { id: manager.userId } })).email;
  return { tenant, admin, store, email };
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the background worker", () => {
  it("alerts the store's manager by email within seconds of a detractor's click", async () => {
    const { tenant, store, email } = await storeWithManager();

    await respond(tenant, 3, { storeId: store.id });

    const [mail] = await smtp.waitFor(email, 1, 15_000);
    expect(mail!.subject).toMatch(/^Detractor 3\/10 · Main Street · call back by/);
  });

  it("keeps a job that fails for good, with its error, for the tenant's admins, and runs it again on request", async () => {
    const { tenant, admin, store, email } = await storeWithManager();
    await db.survey.updateMany({ where: tenant, data: { alertPassives: true } });
    const { response } = await respond(tenant, 8, { storeId: store.id });
    await smtp.waitFor(email);
    await db.mailDelivery.deleteMany({ where: { organizationId: tenant.organizationId } });
    smtp.refuseNext(1);

    await db.$transaction((tx) => enqueue(tx, "alert", { organizationId: tenant.organizationId, responseId: response.id }, { retryLimit: 0 }));
    const failed = await until(async () => (await listJobProblems(admin)).jobs.find((job) => job.state === "failed"));

    expect(failed).toMatchObject({ name: "follow-up-alert", error: expect.stringContaining("Mailbox busy") });
    const { admin: stranger } = await createTenant("Stranger");
    expect((await listJobProblems(stranger)).jobs).toEqual([]);
    await expect(retryFailedJob(stranger, failed.id)).rejects.toBeInstanceOf(NotFoundError);

    await retryFailedJob(admin, failed.id);
    await smtp.waitFor(email, 2);
    expect(smtp.to(email)).toHaveLength(2);
  });
});
