import { beforeAll, describe, expect, it } from "vitest";
import { POST as postBatch } from "@/app/api/v1/survey-sends/batch/route";
import { POST as postOne } from "@/app/api/v1/survey-sends/route";
import { db } from "@/lib/db/client";
import { requestSurveySend } from "@/lib/sending/request-survey-send";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { apiKeyFor, callApi } from "./api-requests";

let tenant: Tenant;
let key: string;
let storeCode: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("Batch Shop"));
  key = await apiKeyFor(tenant);
  storeCode = (await createTestStore(tenant, "Quay")).code;
});

const email = () => `batch-${crypto.randomUUID()}@example.test`;
const ref = () => `order-${crypto.randomUUID()}`;
const batch = (sends: unknown[], headers: Record<string, string> = {}) => callApi(postBatch, { key, body: { sends }, headers });
const jobsOf = (sendId: string) => queuedJobs("survey-send", "surveySendId", sendId);

// Columns that differ between any two sends by construction (ids, tokens, times).
const OWN = ["id", "token", "contactId", "createdAt", "sentAt", "transactionRef", "idempotencyKey", "requestHash"] as const;
const comparable = (row: Record<string, unknown>, own: readonly string[]) => Object.fromEntries(Object.entries(row).filter(([column]) => !own.includes(column)));

describe("POST /api/v1/survey-sends/batch", () => {
  it("writes a send to a new contact as the single call does, row for row, with its job", async () => {
    const contact = (address: string) => ({ email: address, externalId: `X-${crypto.randomUUID()}`, name: "Ines", locale: "de" as const, segment: "gold", attributes: { tier: "gold" } });
    const single = await callApi(postOne, { key, body: { contact: contact(email()), storeCode, transactionRef: ref() } });
    // The single call takes the one-statement path too; the general path (the staff form's) is the reference.
    const store = await db.store.findFirstOrThrow({ where: { organizationId: tenant.organizationId, code: storeCode } });
    const general = await requestSurveySend(tenant, { contact: contact(email()), storeId: store.id, surveyId: null, transactionRef: ref() });

    const response = await batch([{ contact: contact(email()), storeCode, transactionRef: ref() }]);

    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([{ index: 0, status: 202, replayed: false, send: expect.objectContaining({ status: "queued", reason: null, sendAfter: null }) }]);
    const ids = [general.send.id, single.body.id, response.body.results[0].send.id];
    const sends = await Promise.all(ids.map((id) => db.surveySend.findUniqueOrThrow({ where: { id }, include: { contact: true } })));
    const [reference, ...fast] = sends.map(({ contact: c, ...send }) => ({
      send: comparable(send, OWN),
      contact: comparable(c, ["id", "email", "externalId", "createdAt", "lastPurchaseAt"]),
      purchased: c.lastPurchaseAt?.getTime() === send.createdAt.getTime(),
    }));
    expect(reference).toMatchObject({ send: { status: "queued", channel: "store", locale: "de", segment: "gold" }, contact: { name: "Ines", attributes: { tier: "gold" } }, purchased: true });
    for (const row of fast) expect(row).toEqual(reference);
    for (const id of ids) expect(await jobsOf(id)).toHaveLength(1);
  });

  it("answers each item as the single call would: queued, throttled, replayed, 404, 409, 400", async () => {
    const known = email();
    await callApi(postOne, { key, body: { contact: { email: known } } });
    const repeated = ref();
    const twice = email();

    const response = await batch([
      { contact: { email: email() } },
      { contact: { email: known } },
      { contact: { email: email() }, storeCode: "NO-SUCH-STORE" },
      { contact: { email: twice }, transactionRef: repeated },
      { contact: { email: twice }, transactionRef: repeated },
      { contact: { email: email() }, transactionRef: repeated },
      { contact: { externalId: `unknown-${crypto.randomUUID()}` } },
      { contact: { email: twice } },
    ]);

    const results = response.body.results as { index: number; status: number; send?: { id: string; status: string; reason: string | null }; replayed?: boolean; error?: string }[];
    expect(results.map((r) => [r.index, r.status, r.send?.status ?? r.error])).toEqual([
      [0, 202, "queued"],
      [1, 202, "throttled"],
      [2, 404, "not_found"],
      [3, 202, "queued"],
      [4, 202, "queued"],
      [5, 409, "conflict"],
      [6, 400, "bad_request"],
      [7, 202, "throttled"],
    ]);
    expect(results[4]).toMatchObject({ replayed: true, send: { id: results[3]!.send!.id } });
    expect(results[1]!.send!.reason).toMatch(/not again within 30 days/);
    expect(await db.surveySend.count({ where: { organizationId: tenant.organizationId, transactionRef: repeated } })).toBe(1);
    expect(await jobsOf(results[3]!.send!.id)).toHaveLength(1);
    expect(await jobsOf(results[1]!.send!.id)).toHaveLength(0);
  });

  it("replays a whole batch sent again with the same Idempotency-Key: no second send, no second job", async () => {
    const sends = [{ contact: { email: email() } }, { contact: { email: email() }, storeCode }];
    const headers = { "idempotency-key": `batch-${crypto.randomUUID()}` };
    const first = await batch(sends, headers);
    const again = await batch(sends, headers);

    expect(again.body.results.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true]);
    expect(again.body.results.map((r: { send: { id: string } }) => r.send.id)).toEqual(first.body.results.map((r: { send: { id: string } }) => r.send.id));
    for (const { send } of first.body.results) expect(await jobsOf(send.id)).toHaveLength(1);
  });

  it("makes one send per item of the same batch sent twice at once", async () => {
    const sends = Array.from({ length: 20 }, () => ({ contact: { email: email() }, transactionRef: ref() }));
    const [a, b] = await Promise.all([batch(sends), batch(sends)]);

    expect([...a.body.results, ...b.body.results].every((r: { status: number }) => r.status === 202)).toBe(true);
    for (const [i, send] of sends.entries()) {
      expect(b.body.results[i].send.id).toBe(a.body.results[i].send.id);
      expect(await db.surveySend.count({ where: { organizationId: tenant.organizationId, transactionRef: send.transactionRef } })).toBe(1);
    }
  });

  it("schedules an item for its sendAt on the one-statement path, with its job waiting until then", async () => {
    const sendAt = new Date(Date.now() + 5 * 3600_000);
    const response = await batch([{ contact: { email: email() }, sendAt: sendAt.toISOString() }]);

    const { send } = response.body.results[0];
    expect(send).toMatchObject({ status: "queued", sendAfter: sendAt.toISOString() });
    expect((await db.surveySend.findUniqueOrThrow({ where: { id: send.id } })).sendAfter?.getTime()).toBe(sendAt.getTime());
    const [job] = await jobsOf(send.id);
    expect(job!.start_after.getTime()).toBe(sendAt.getTime());
  });

  it("refuses an empty batch, one over 500 sends and a bad item with 400 and the item's path, writing nothing", async () => {
    const before = await db.surveySend.count({ where: { organizationId: tenant.organizationId } });
    const tooMany = Array.from({ length: 501 }, () => ({ contact: { email: email() } }));
    const answers = await Promise.all([batch([]), batch(tooMany), batch([{ contact: { email: email() } }, { contact: { email: "not an email" } }])]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(answers[2]!.body.issues[0].path).toEqual(["body", "sends", 1, "contact", "email"]);
    expect(await db.surveySend.count({ where: { organizationId: tenant.organizationId } })).toBe(before);
  });
  it("answers an item the database refuses with a 500 of its own, writes the others, and a resend replays them", async () => {
    // A fault in the real database: it refuses one send, as a full disk or a broken constraint would.
    const refused = `refused-${crypto.randomUUID()}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_send"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW."transactionRef" = '${refused}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_send" BEFORE INSERT ON "SurveySend" FOR EACH ROW EXECUTE FUNCTION "test_refuse_send"()`);
    try {
      const sends = [
        { contact: { email: email() }, transactionRef: ref() },
        { contact: { email: email() }, transactionRef: refused },
        { contact: { email: email() }, transactionRef: ref() },
      ];
      const first = await batch(sends);
      const again = await batch(sends);

      expect(first.status).toBe(200);
      expect(first.body.results.map((r: { status: number }) => r.status)).toEqual([202, 500, 202]);
      expect(first.body.results[1]).toMatchObject({ index: 1, error: "internal_error" });
      expect(again.body.results.map((r: { status: number; replayed?: boolean }) => [r.status, r.replayed])).toEqual([[202, true], [500, undefined], [202, true]]);
      for (const i of [0, 2]) expect(again.body.results[i].send.id).toBe(first.body.results[i].send.id);
      const refs = sends.map((send) => send.transactionRef);
      expect(await db.surveySend.count({ where: { organizationId: tenant.organizationId, transactionRef: { in: refs } } })).toBe(2);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_send" ON "SurveySend"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_send"()`);
    }
  });
});
