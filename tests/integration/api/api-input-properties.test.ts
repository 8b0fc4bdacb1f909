import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET as getContact, PATCH } from "@/app/api/v1/contacts/[id]/route";
import { GET as listContacts, POST as postContact } from "@/app/api/v1/contacts/route";
import { GET as nps } from "@/app/api/v1/nps/route";
import { GET as listResponses } from "@/app/api/v1/responses/route";
import { POST as postSurveySendBatch } from "@/app/api/v1/survey-sends/batch/route";
import { POST as postSurveySend } from "@/app/api/v1/survey-sends/route";
import { POST as postSuppression } from "@/app/api/v1/suppressions/route";
import { db } from "@/lib/db/client";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { tenantRows } from "../tenancy/tenant-rows";
import { apiKeyFor, callApi } from "./api-requests";

// Whatever a client sends to /api/v1 (any JSON, any text, any query string): a clear answer, never a 5xx; a 400
// names what is wrong; and a refused request writes nothing.

type Handler = Parameters<typeof callApi>[0];
const WRITES: [string, Handler, string][] = [
  ["POST /survey-sends", postSurveySend as Handler, "POST"],
  ["POST /survey-sends/batch", postSurveySendBatch as Handler, "POST"],
  ["POST /contacts", postContact as Handler, "POST"],
  ["PATCH /contacts/{id}", PATCH as Handler, "PATCH"],
  ["POST /suppressions", postSuppression as Handler, "POST"],
];
const READS: [string, Handler, string[]][] = [
  ["/responses", listResponses as Handler, ["from", "to", "storeCode", "category", "surveyId", "limit", "cursor"]],
  ["/nps", nps as Handler, ["period", "from", "to", "region", "store", "survey", "channel", "segment"]],
  ["/contacts", listContacts as Handler, ["email", "externalId", "limit", "cursor"]],
];
const ANSWERS = new Set([200, 201, 202, 204, 400, 404, 409]);

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom("", " ", "\u0000", "null", "-1", "1e309", "2026-13-45T99:99:99Z"));
// Bodies that look like the real ones with arbitrary values, and anything at all.
const contactLike = fc.record(
  { email: fc.oneof(text, fc.emailAddress()), externalId: text, name: fc.oneof(text, fc.constant(null)), phone: text, locale: text, segment: text, attributes: fc.dictionary(text, fc.oneof(text, fc.integer())), lastPurchaseAt: fc.oneof(text, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())) },
  { requiredKeys: [] },
);
const sendLike = fc.record({ contact: fc.oneof(contactLike, fc.jsonValue()), storeCode: text, surveyId: text, channel: text, transactionRef: text, sendAt: text, idempotencyKey: text }, { requiredKeys: [] });
const body = fc.oneof(
  fc.jsonValue(),
  contactLike,
  sendLike,
  fc.record({ sends: fc.oneof(fc.array(sendLike, { maxLength: 4 }), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ email: fc.oneof(text, fc.emailAddress()), reason: fc.oneof(text, fc.constantFrom("bounced", "complained", "unsubscribed")) }, { requiredKeys: [] }),
);

let tenant: Tenant;
let keys: string[];
let contactId: string;
let calls = 0;
// A few keys in turn: each key's rate limit is 100 requests a second, and a property runs faster than that.
const key = () => keys[calls++ % keys.length]!;

beforeAll(async () => {
  ({ tenant } = await createTenant("Property API Shop"));
  keys = await Promise.all(Array.from({ length: 6 }, (_, i) => apiKeyFor(tenant, `Key ${i}`)));
  await createTestStore(tenant, "Property Street");
  contactId = (await sendTestSurvey(tenant)).contactId;
});

function expectClearAnswer(name: string, response: Awaited<ReturnType<typeof callApi>>) {
  expect(ANSWERS, `${name} answered ${response.status}: ${JSON.stringify(response.body)}`).toContain(response.status);
  const answers = response.status === 200 && Array.isArray(response.body?.results) ? response.body.results : [response];
  for (const answer of answers) {
    expect(ANSWERS, `${name} answered an item ${answer.status}: ${JSON.stringify(answer)}`).toContain(answer.status);
    if (answer.status !== 400) continue;
    const problem = answer.body ?? answer;
    expect(problem).toMatchObject({ error: "bad_request", message: expect.any(String) });
    expect(problem.issues.length).toBeGreaterThan(0);
  }
}

describe("/api/v1 under arbitrary input", () => {
  it.each(WRITES)("%s answers any body with a clear 2xx/4xx, and a refused one changes nothing", async (name, handler, method) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(body.map((b) => ({ body: b as unknown, raw: undefined })), text.map((raw) => ({ body: undefined, raw }))), async (input) => {
        const before = await tenantRows(tenant.organizationId);
        const response = await callApi(handler, { key: key(), method, body: input.body, rawBody: input.raw ?? (input.body === undefined ? "" : undefined), params: { id: contactId } });
        expectClearAnswer(name, response);
        if (response.status >= 400) expect(await tenantRows(tenant.organizationId)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it.each(READS)("GET %s answers any query string with 200, 400 or 404", async (route, handler, names) => {
    const query = fc.dictionary(fc.oneof(fc.constantFrom(...names), text), text, { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const response = await callApi(handler, { key: key(), path: `${route}?${new URLSearchParams(params)}` });
        expectClearAnswer(route, response);
      }),
      { numRuns: 80 },
    );
  });

  it("GET and DELETE /contacts/{id} answer any id with 200, 204 or 404, and only a real id erases", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (id) => {
        expectClearAnswer("GET /contacts/{id}", await callApi(getContact as Handler, { key: key(), params: { id } }));
        expectClearAnswer("DELETE /contacts/{id}", await callApi(DELETE as Handler, { key: key(), method: "DELETE", params: { id } }));
      }),
      { numRuns: 60 },
    );
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ erasedAt: null });
  });
});
