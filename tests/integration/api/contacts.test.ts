import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET as getContact, PATCH } from "@/app/api/v1/contacts/[id]/route";
import { GET as listContacts, POST as postContact } from "@/app/api/v1/contacts/route";
import { POST as postSuppression } from "@/app/api/v1/suppressions/route";
import { db } from "@/lib/db/client";
import { addNote } from "@/lib/followups/followups";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, sendTestSurvey } from "@/tests/support/factories";
import { apiKeyFor, callApi } from "./api-requests";

let tenant: Tenant;
let key: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("Contact Shop"));
  key = await apiKeyFor(tenant);
});

const email = () => `contact-${crypto.randomUUID()}@example.test`;

describe("/api/v1/contacts", () => {
  it("POST creates a contact (201), and the same externalId again updates it (200) and merges attributes", async () => {
    const externalId = `C-${crypto.randomUUID()}`;
    const created = await callApi(postContact, { key, body: { email: email(), externalId, name: "Ann", attributes: { city: "Gdańsk" } } });
    const updated = await callApi(postContact, { key, body: { externalId, segment: "gold", attributes: { tier: "gold" } } });

    expect(created.status).toBe(201);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, name: "Ann", segment: "gold", attributes: { city: "Gdańsk", tier: "gold" } });
  });

  it("GET finds a contact by email, and one contact shows its surveys with their status", async () => {
    const address = email();
    const send = await sendTestSurvey(tenant, { email: address });

    const found = await callApi(listContacts, { key, path: `/contacts?email=${encodeURIComponent(address.toUpperCase())}` });
    const one = await callApi(getContact, { key, params: { id: send.contactId } });

    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([send.contactId]);
    expect(one.body.surveys).toEqual([{ id: send.id, status: "sent", reason: null, sentAt: send.sentAt.toISOString() }]);
  });

  it("PATCH changes only the given fields; a taken email is a 400", async () => {
    const a = (await callApi(postContact, { key, body: { email: email(), name: "A", phone: "+49 30 1111111" } })).body;
    const b = (await callApi(postContact, { key, body: { email: email() } })).body;

    const patched = await callApi(PATCH, { key, method: "PATCH", params: { id: a.id }, body: { name: null, locale: "fr" } });
    const taken = await callApi(PATCH, { key, method: "PATCH", params: { id: a.id }, body: { email: b.email } });

    expect(patched.body).toMatchObject({ name: null, locale: "fr", phone: "+49 30 1111111", email: a.email });
    expect(taken.status).toBe(400);
    expect(taken.body.issues[0].path).toEqual(["email"]);
  });

  it("answers 404 for another tenant's contact on GET, PATCH and DELETE, and leaves it as it was", async () => {
    const { tenant: other } = await createTenant("Contact Other");
    const foreign = await db.contact.create({ data: { organizationId: other.organizationId, email: email(), name: "Theirs" } });

    for (const [handler, method] of [[getContact, "GET"], [PATCH, "PATCH"], [DELETE, "DELETE"]] as const) {
      const response = await callApi(handler, { key, method, params: { id: foreign.id }, body: method === "PATCH" ? { name: "Mine" } : undefined });
      expect(response.status, method).toBe(404);
    }
    expect(await db.contact.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ name: "Theirs", erasedAt: null });
    const listed = await callApi(listContacts, { key, path: `/contacts?email=${foreign.email}` });
    expect(listed.body.data).toEqual([]);
  });

  it("POST /suppressions marks a complained address, and its next survey is suppressed", async () => {
    const address = email();
    await callApi(postContact, { key, body: { email: address } });

    const response = await callApi(postSuppression, { key, body: { email: address, reason: "complained" } });

    expect(response.body).toEqual({ suppressed: 1 });
    await expect(sendTestSurvey(tenant, { email: address })).rejects.toThrow(/Complained about our mail/);
  });
});

describe("DELETE /api/v1/contacts/{id}: erasure", () => {
  it("removes the person's data, comments and notes but keeps their scores in the figures", async () => {
    const address = email();
    const send = await sendTestSurvey(tenant, { email: address });
    await recordScore(send.token, 2);
    await saveComment(send.token, { comment: "Call me, I am Casey at 555", callbackConsent: true, callbackPhone: "+49 30 5555555" } as never);
    const response = await db.response.findUniqueOrThrow({ where: { surveySendId: send.id }, include: { followUp: true } });
    await addNote(await createMember(tenant, "cx_manager"), response.followUp!.id, { body: "Casey said the till was slow" });
    const rollupBefore = await db.feedbackRollup.findMany({ where: tenant, orderBy: [{ grain: "asc" }, { periodStart: "asc" }] });

    const erased = await callApi(DELETE, { key, method: "DELETE", params: { id: send.contactId } });

    expect(erased.status).toBe(204);
    const contact = await db.contact.findUniqueOrThrow({ where: { id: send.contactId } });
    expect(contact).toMatchObject({ name: null, phone: null, externalId: null, attributes: {}, erasedAt: expect.any(Date) });
    expect(contact.email).toBe(`erased-${contact.id}@erased.invalid`);
    expect(await db.response.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({ score: 2, comment: null, callbackPhone: null });
    expect(await db.followUpNote.count({ where: { followUpId: response.followUp!.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: address } })).toBe(0);
    expect(await db.feedbackRollup.findMany({ where: tenant, orderBy: [{ grain: "asc" }, { periodStart: "asc" }] })).toEqual(rollupBefore);
    await expect(sendTestSurvey(tenant, { email: contact.email })).rejects.toThrow();
    expect((await callApi(DELETE, { key, method: "DELETE", params: { id: send.contactId } })).status).toBe(204);
  });
});
