import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/survey-sends/route";
import { db } from "@/lib/db/client";
import { deliverSend } from "@/lib/sending/deliver-send";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { surveyEmailTo } from "../sending/survey-email";
import { apiKeyFor, callApi } from "./api-requests";

let tenant: Tenant;
let key: string;
let storeCode: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("Api Shop"));
  key = await apiKeyFor(tenant);
  storeCode = (await createTestStore(tenant, "Harbour")).code;
});

const email = () => `api-${crypto.randomUUID()}@example.test`;
const post = (body: unknown, headers: Record<string, string> = {}) => callApi(POST, { key, body, headers });

describe("POST /api/v1/survey-sends", () => {
  it("creates the contact with its CRM fields, queues the send with its job, and the job emails the survey", async () => {
    const address = email();
    const externalId = `C-${crypto.randomUUID()}`;

    const response = await post({
      contact: { email: address, externalId, name: "Anna", locale: "de", segment: "gold", attributes: { loyaltyTier: "gold" } },
      storeCode,
      transactionRef: `order-${crypto.randomUUID()}`,
    });

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: "queued", reason: null, sendAfter: null });
    const send = await db.surveySend.findUniqueOrThrow({ where: { id: response.body.id }, include: { contact: true, store: true } });
    expect(send).toMatchObject({ organizationId: tenant.organizationId, channel: "store", locale: "de", status: "queued" });
    expect(send.store?.code).toBe(storeCode);
    expect(send.contact).toMatchObject({ email: address, externalId, name: "Anna", segment: "gold", attributes: { loyaltyTier: "gold" } });
    expect(send.contact.lastPurchaseAt).not.toBeNull();
    expect(await queuedJobs("survey-send", "surveySendId", send.id)).toHaveLength(1);

    expect(await deliverSend(tenant, send.id)).toBe("sent");
    expect((await surveyEmailTo(address)).subject).toBe("Wie war Ihr Besuch bei Api Shop?");
    expect(await db.surveySend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("names a known contact by externalId alone and updates it", async () => {
    const externalId = `C-${crypto.randomUUID()}`;
    const first = await post({ contact: { email: email(), externalId, name: "Old" } });
    await db.sendingPolicy.upsert({ where: { organizationId: tenant.organizationId }, create: { ...tenant, throttleDays: 0 }, update: { throttleDays: 0 } });

    const second = await post({ contact: { externalId, name: "New" } });

    await db.sendingPolicy.delete({ where: { organizationId: tenant.organizationId } });
    expect(second.body.contactId).toBe(first.body.contactId);
    expect(await db.contact.findUniqueOrThrow({ where: { id: first.body.contactId } })).toMatchObject({ name: "New" });
  });

  it("answers a retry with the same Idempotency-Key with the first send, and never queues a second", async () => {
    const body = { contact: { email: email() } };
    const key1 = crypto.randomUUID();

    const first = await post(body, { "Idempotency-Key": key1 });
    const again = await post(body, { "Idempotency-Key": key1 });

    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.surveySend.count({ where: { contactId: first.body.contactId } })).toBe(1);
    expect(await queuedJobs("survey-send", "surveySendId", first.body.id)).toHaveLength(1);
  });

  it("answers 409 when an Idempotency-Key comes back with another body", async () => {
    const reused = crypto.randomUUID();
    await post({ contact: { email: email() } }, { "Idempotency-Key": reused });

    const conflict = await post({ contact: { email: email() } }, { "Idempotency-Key": reused });

    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ error: "conflict" });
  });

  it("is idempotent on transactionRef too: the same purchase twice is one send, another purchase with its ref a 409", async () => {
    const transactionRef = `order-${crypto.randomUUID()}`;
    const body = { contact: { email: email() }, storeCode, transactionRef };

    const first = await post(body);
    const retry = await post(body);
    const conflict = await post({ ...body, contact: { email: email() } });

    expect(retry.body.id).toBe(first.body.id);
    expect(await db.surveySend.count({ where: { ...tenant, transactionRef } })).toBe(1);
    expect(conflict.status).toBe(409);
  });

  it("makes one send of the same request sent twice at once", async () => {
    const body = { contact: { email: email() }, transactionRef: `order-${crypto.randomUUID()}` };
    const idempotencyKey = crypto.randomUUID();

    const answers = await Promise.all([post(body, { "Idempotency-Key": idempotencyKey }), post(body, { "Idempotency-Key": idempotencyKey })]);

    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    expect(await db.surveySend.count({ where: { ...tenant, idempotencyKey } })).toBe(1);
  });

  it("says throttled, with the reason, for a contact surveyed within the tenant's 30 days; nothing is queued", async () => {
    const address = email();
    await post({ contact: { email: address } });

    const second = await post({ contact: { email: address }, transactionRef: `order-${crypto.randomUUID()}` });

    expect(second.status).toBe(202);
    expect(second.body.status).toBe("throttled");
    expect(second.body.reason).toMatch(/^Surveyed on \d{4}-\d{2}-\d{2}; not again within 30 days$/);
    expect(await queuedJobs("survey-send", "surveySendId", second.body.id)).toEqual([]);
  });

  it("says suppressed for an opted-out or bounced address", async () => {
    const optedOut = email();
    const bounced = email();
    await db.contact.createMany({
      data: [
        { organizationId: tenant.organizationId, email: optedOut, unsubscribedAt: new Date("2026-03-01T00:00:00Z") },
        { organizationId: tenant.organizationId, email: bounced, suppressedAt: new Date("2026-03-02T00:00:00Z"), suppressionReason: "bounced" },
      ],
    });

    const a = await post({ contact: { email: optedOut } });
    const b = await post({ contact: { email: bounced } });

    expect(a.body).toMatchObject({ status: "suppressed", reason: "Unsubscribed on 2026-03-01" });
    expect(b.body).toMatchObject({ status: "suppressed", reason: "The address bounced on 2026-03-02" });
  });

  it("schedules a send for its sendAt, and its job waits until then", async () => {
    const sendAt = new Date(Date.now() + 3 * 3600_000);

    const response = await post({ contact: { email: email() }, sendAt: sendAt.toISOString() });

    expect(response.body).toMatchObject({ status: "queued", sendAfter: sendAt.toISOString() });
    const [job] = await queuedJobs("survey-send", "surveySendId", response.body.id);
    expect(job!.start_after.getTime()).toBe(sendAt.getTime());
  });

  it("answers bad input with 400 and the zod issues, and writes nothing", async () => {
    const before = await db.surveySend.count({ where: tenant });
    const cases = [
      { body: { contact: { email: "not-an-email" } }, path: ["body", "contact", "email"] },
      { body: { contact: {} }, path: ["body", "contact", "email"] },
      { body: { contact: { email: email() }, sendAt: "tomorrow" }, path: ["body", "sendAt"] },
      { body: { contact: { email: email(), locale: "xx" } }, path: ["body", "contact", "locale"] },
      { body: [], path: ["body"] },
    ];
    for (const { body, path } of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toBe("bad_request");
      expect(response.body.issues.map((issue: { path: string[] }) => issue.path)).toContainEqual(path);
    }
    const notJson = await callApi(POST, { key, rawBody: "{nope" });
    expect(notJson.status).toBe(400);
    const badHeader = await post({ contact: { email: email() } }, { "Idempotency-Key": "x".repeat(300) });
    expect(badHeader.status).toBe(400);
    expect(await db.surveySend.count({ where: tenant })).toBe(before);
  });

  it("answers 404 for an unknown store code, another tenant's store or survey", async () => {
    const { tenant: other } = await createTenant("Other Api Shop");
    const foreignStore = await createTestStore(other);
    const foreignSurvey = await db.survey.findFirstOrThrow({ where: other });

    for (const body of [
      { contact: { email: email() }, storeCode: "NO-SUCH-STORE" },
      { contact: { email: email() }, storeCode: foreignStore.code },
      { contact: { email: email() }, surveyId: foreignSurvey.id },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(404);
      expect(response.body.error).toBe("not_found");
    }
    expect(await db.surveySend.count({ where: { storeId: foreignStore.id } })).toBe(0);
  });
});
