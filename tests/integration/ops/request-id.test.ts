import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as clickScore } from "@/app/s/[token]/[score]/route";
import { db } from "@/lib/db/client";
import { setLogDestination } from "@/lib/logging/logger";
import { installJobQueue } from "@/lib/queue/enqueue";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";
import { createMember, createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { routeParams, surveyRequest } from "../survey-pages/survey-requests";

// A click's request id follows it: the click's log line, the alert job it queued (job data and the worker's log
// line), the mail that job sent (its log line and its X-Request-Id header).

const schema = `pgboss_test_${randomBytes(3).toString("hex")}`;
const lines: Record<string, unknown>[] = [];
let restoreLog: () => void;
let smtp: SmtpSink;
let worker: RunningWorker;

beforeAll(async () => {
  restoreLog = setLogDestination(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        callback();
      },
    }),
    "info",
  );
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  process.env.JOB_SCHEMA = schema;
  await installJobQueue(process.env.DATABASE_URL!, schema);
  worker = await startWorker({ connectionString: process.env.DATABASE_URL!, poolSize: 2, schedule: false });
});
afterAll(async () => {
  await worker?.stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await smtp.close();
  restoreLog();
});

describe("the request id", () => {
  it("goes from the click to its alert job and the alert mail", async () => {
    const { tenant } = await createTenant("Traced Shop");
    const store = await createTestStore(tenant);
    const manager = await createMember(tenant, "store_manager", [store.id]);
    const managerEmail = (await db.user.findUniqueOrThrow({ where: { id: manager.userId } })).email;
    const send = await sendTestSurvey(tenant, { storeId: store.id });
    const requestId = `lb-${randomBytes(6).toString("hex")}`;

    const click = await clickScore(
      surveyRequest(`/s/${send.token}/1`, { headers: { "x-request-id": requestId } }),
      routeParams({ token: send.token, score: "1" }),
    );
    expect(click.status).toBe(303);
    expect(click.headers.get("x-request-id")).toBe(requestId);

    const [mail] = await smtp.waitFor(managerEmail, 1, 15_000);
    expect(mail!.headers.get("x-request-id")).toBe(requestId);
    const [job] = await db.$queryRawUnsafe<{ data: { requestId?: string } }[]>(
      `SELECT data FROM ${schema}.job WHERE name = 'follow-up-alert' AND data->>'organizationId' = $1
       UNION ALL SELECT data FROM ${schema}.archive WHERE name = 'follow-up-alert' AND data->>'organizationId' = $1`,
      tenant.organizationId,
    );
    expect(job!.data.requestId).toBe(requestId);

    const traced = () => lines.filter((line) => line.requestId === requestId);
    await expect.poll(() => traced().some((line) => line.event === "job done"), { timeout: 5_000 }).toBe(true);
    expect(traced()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: "score click", status: 303, score: 1, verdict: "recorded", surveySendId: send.id }),
        expect.objectContaining({ event: "mail sent", kind: "alert", queue: "follow-up-alert", level: "info" }),
        expect.objectContaining({ event: "job done", queue: "follow-up-alert", jobId: expect.any(String) }),
      ]),
    );
  });

  it("is made up when the request has none, or none fit to log", async () => {
    const { tenant } = await createTenant();
    const send = await sendTestSurvey(tenant);
    const click = await clickScore(
      surveyRequest(`/s/${send.token}/9`, { headers: { "x-request-id": "not fit; to log <script>" } }),
      routeParams({ token: send.token, score: "9" }),
    );
    expect(click.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
