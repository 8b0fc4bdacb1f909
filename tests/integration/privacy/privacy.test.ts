import { subMonths } from "date-fns";
import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { db } from "@/lib/db/client";
import { inviteMember, removeMember, updateMember } from "@/lib/members/members";
import { exportContactData } from "@/lib/privacy/export-contact";
import { applyRetention, setRetention } from "@/lib/privacy/retention";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "../../support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");

async function answeredAt(tenant: { organizationId: string }, storeId: string, when: Date, comment: string) {
  const send = await sendTestSurvey(tenant, { storeId });
  await db.surveySend.update({ where: { id: send.id }, data: { sentAt: when } });
  await db.contact.update({ where: { id: send.contactId }, data: { createdAt: when } });
  await recordScore(send.token, 4, when);
  await saveComment(send.token, { comment, callbackConsent: true, callbackPhone: "+49 30 1" });
  return send;
}

describe("a contact's data on request", () => {
  it("exports everything held on the contact as JSON and records the export", async () => {
    const { tenant, admin } = await createTenant();
    const store = await createTestStore(tenant);
    const send = await answeredAt(tenant, store.id, NOW, "Rude staff");
    const exported = await exportContactData(admin, send.contactId);
    expect(exported.person.email).toMatch(/@example\.test$/);
    expect(exported.surveyEmails[0]!.response).toMatchObject({ score: 4, comment: "Rude staff" });
    const { events } = await listAuditEvents(tenant);
    expect(events[0]).toMatchObject({ action: "contact_exported", subject: send.contactId, actorId: admin.userId });
  });

  it("does not export another tenant's contact", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const send = await sendTestSurvey(b.tenant);
    await expect(exportContactData(a.admin, send.contactId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the retention period", () => {
  it("removes old comments and erases contacts not surveyed within it, keeping every score", async () => {
    const { tenant, admin } = await createTenant();
    const store = await createTestStore(tenant);
    const old = await answeredAt(tenant, store.id, subMonths(NOW, 8), "Old complaint");
    const recent = await answeredAt(tenant, store.id, subMonths(NOW, 1), "Fresh complaint");
    await setRetention(admin, { retentionMonths: 6 });

    expect(await applyRetention(admin, NOW)).toEqual({ comments: 1, contacts: 1 });
    const [oldResponse, recentResponse] = await Promise.all([
      db.response.findUniqueOrThrow({ where: { surveySendId: old.id } }),
      db.response.findUniqueOrThrow({ where: { surveySendId: recent.id } }),
    ]);
    expect(oldResponse).toMatchObject({ score: 4, comment: null, callbackPhone: null });
    expect(recentResponse).toMatchObject({ score: 4, comment: "Fresh complaint" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: old.contactId } })).name).toBeNull();
    expect((await db.contact.findUniqueOrThrow({ where: { id: recent.contactId } })).name).toBe("Casey Customer");
    expect((await listAuditEvents(tenant)).events.map((e) => e.action)).toContain("retention_applied");
  });

  it("keeps everything when the tenant has no retention period", async () => {
    const { tenant, admin } = await createTenant();
    const store = await createTestStore(tenant);
    const old = await answeredAt(tenant, store.id, subMonths(NOW, 30), "Ancient");
    expect(await applyRetention(admin, NOW)).toEqual({ comments: 0, contacts: 0 });
    expect((await db.response.findUniqueOrThrow({ where: { surveySendId: old.id } })).comment).toBe("Ancient");
  });
});

describe("the audit log", () => {
  it("records who invited, changed and removed a member, newest first, for that tenant only", async () => {
    const { tenant, admin } = await createTenant();
    const other = await createTenant();
    const store = await createTestStore(tenant);
    const membership = await inviteMember(admin, { email: "new.manager@example.test", name: null, role: "store_manager", storeIds: [store.id] });
    await updateMember(admin, membership.id, { role: "cx_manager", storeIds: [] });
    await removeMember(admin, membership.id);

    const { events } = await listAuditEvents(tenant);
    expect(events.slice(0, 3).map((event) => event.action)).toEqual(["member_removed", "member_changed", "member_invited"]);
    expect(events[0].actorEmail).toMatch(/^admin-/);
    expect((await listAuditEvents(other.tenant)).events.map((e) => e.action)).not.toContain("member_invited");
  });

  it("pages through older entries with a cursor", async () => {
    const { tenant, admin } = await createTenant();
    for (let i = 0; i < 5; i += 1) {
      await inviteMember(admin, { email: `person-${i}@example.test`, name: null, role: "cx_manager", storeIds: [] });
    }
    const first = await listAuditEvents(tenant, { take: 3 });
    const second = await listAuditEvents(tenant, { take: 3, cursor: first.nextCursor! });
    expect(first.events).toHaveLength(3);
    expect(second.events.map((e) => e.id)).not.toContain(first.events[2].id);
    expect([...first.events, ...second.events].filter((e) => e.action === "member_invited")).toHaveLength(5);
  });
});
