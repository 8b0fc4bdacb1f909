import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { db } from "@/lib/db/client";
import { eraseContact } from "@/lib/privacy/erase-contact";
import { exportContactData } from "@/lib/privacy/export-contact";
import { subjectAccessExportSchema } from "@/lib/privacy/subject-access-schema";
import { customerInEveryState } from "./customer-in-every-state";

// Names of the database's bookkeeping that a person's export must never carry, whatever object they would sit in.
const INTERNAL_KEYS = ["id", "token", "requestHash", "idempotencyKey", "claimedAt", "attempts", "organizationId", "contactId", "surveySendId", "referralCode", "authorId", "assigneeId"];

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}

describe("the subject-access export", () => {
  it("is the documented format, version 1, and says everything held on the person", async () => {
    const c = await customerInEveryState();
    const exported = await exportContactData(c.admin, c.contactId);

    expect(subjectAccessExportSchema.parse(exported)).toEqual(exported);
    expect(exported).toMatchObject({ format: "nps-loop/subject-access-export", version: 1, controller: { name: "Every State Shop" } });
    expect(exported.person).toMatchObject({ email: c.email, name: "Casey Customer", phone: "+49 30 1234567" });
    expect(exported.surveyEmails).toHaveLength(4);
    const answered = exported.surveyEmails.find((email) => email.response?.score === 2)!;
    expect(answered.response).toMatchObject({ category: "detractor", comment: "Waited an hour", callbackPhone: "+49 30 999" });
    expect(answered.response!.followUp).toMatchObject({ status: "open", notes: [{ text: "Left a voicemail" }] });
    expect(exported.surveyEmails.find((email) => email.status === "queued")).toMatchObject({ sentAt: null });
    // The readable summary says the same in words.
    expect(exported.summary).toContain(`on ${c.email}`);
    expect(exported.summary).toContain("Answered 2 of 10 (detractor)");
    expect(exported.summary).toContain('Comment: "Waited an hour"');
    expect(exported.summary).toContain("Left a voicemail");
    expect((await listAuditEvents(c.tenant)).events[0]).toMatchObject({ action: "contact_exported", subject: c.contactId });
  });

  it("carries no survey link token, idempotency data, sending bookkeeping or internal id", async () => {
    const c = await customerInEveryState();
    const exported = await exportContactData(c.admin, c.contactId);
    const text = JSON.stringify(exported);

    const sends = await db.surveySend.findMany({ where: { ...c.tenant, contactId: c.contactId } });
    const secrets = [
      ...sends.map((send) => send.token),
      ...sends.map((send) => send.id),
      c.contactId,
      c.open.id,
      c.detractor.id,
      c.tenant.organizationId,
      "idem-key-0001",
      "f00dfeedf00dfeedf00dfeed",
    ];
    for (const secret of secrets) expect(text, "a token, key or internal id is in the export").not.toContain(secret);
    expect(keysOf(exported).filter((key) => INTERNAL_KEYS.includes(key))).toEqual([]);
  });

  it("fails validation when a token or an undeclared field slips in", () => {
    const valid = {
      format: "nps-loop/subject-access-export",
      version: 1,
      exportedAt: "2026-12-04T12:00:00.000Z",
      controller: { name: "Shop" },
      summary: "",
      person: { email: "a@example.test", name: null, phone: null, language: null, externalId: null, segment: null, attributes: {}, lastPurchaseAt: null, addedAt: "2026-12-01T00:00:00.000Z", erasedAt: null },
      consent: { unsubscribedAt: null, suppressed: null, suppressedAt: null },
      surveyEmails: [],
    };
    expect(subjectAccessExportSchema.safeParse(valid).success).toBe(true);
    expect(subjectAccessExportSchema.safeParse({ ...valid, person: { ...valid.person, id: "c123" } }).success).toBe(false);
    const email = { requestedAt: valid.exportedAt, sentAt: null, status: "queued", statusReason: null, survey: "NPS", store: null, channel: "online", language: "en", response: null };
    expect(subjectAccessExportSchema.safeParse({ ...valid, surveyEmails: [email] }).success).toBe(true);
    expect(subjectAccessExportSchema.safeParse({ ...valid, surveyEmails: [{ ...email, token: "abc" }] }).success).toBe(false);
    expect(subjectAccessExportSchema.safeParse({ ...valid, surveyEmails: [{ ...email, requestHash: "x", claimedAt: null }] }).success).toBe(false);
  });

  it("after erasure, says the person was erased and holds only anonymous scores", async () => {
    const c = await customerInEveryState();
    await eraseContact(c.admin, c.contactId);
    const exported = await exportContactData(c.admin, c.contactId);
    expect(exported.person).toMatchObject({ name: null, phone: null, erasedAt: expect.any(String) });
    expect(JSON.stringify(exported)).not.toContain("Waited an hour");
    expect(exported.summary).toContain("Erased on request");
  });
});
