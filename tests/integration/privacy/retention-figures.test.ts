import { subMonths } from "date-fns";
import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/analytics/dashboard";
import { listComments } from "@/lib/analytics/comments";
import { db } from "@/lib/db/client";
import { applyRetention, previewRetention, setRetention } from "@/lib/privacy/retention";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { filtersFor } from "../analytics/filters-for";

const NOW = new Date("2026-11-20T12:00:00Z");

async function answered(tenant: Tenant, storeId: string, when: Date, score: number, comment: string) {
  const send = await sendTestSurvey(tenant, { storeId });
  await db.surveySend.update({ where: { id: send.id }, data: { sentAt: when } });
  await db.contact.update({ where: { id: send.contactId }, data: { createdAt: when } });
  const response = await recordScore(send.token, score, when);
  await saveComment(send.token, { comment, callbackConsent: false, callbackPhone: "" });
  return response;
}

async function figures(admin: Member) {
  const filters = await filtersFor(admin, { period: "all" }, NOW);
  const [dashboard, comments] = await Promise.all([getDashboard(admin, filters, NOW), listComments(admin, filters, {})]);
  return { dashboard, comments: comments.comments.map((c) => c.comment) };
}

describe("a retention change and the figures", () => {
  it("keeps NPS, distribution and response counts; removes old comments; closes erased contacts' open follow-ups without an outcome", async () => {
    const { tenant, admin } = await createTenant("Retention Figures Shop");
    const store = await createTestStore(tenant);
    await answered(tenant, store.id, subMonths(NOW, 9), 2, "Old: rude staff");
    await answered(tenant, store.id, subMonths(NOW, 8), 10, "Old: lovely");
    await answered(tenant, store.id, subMonths(NOW, 1), 3, "Fresh: long queue");
    await answered(tenant, store.id, subMonths(NOW, 1), 9, "Fresh: great");
    const before = await figures(admin);
    expect(before.dashboard.followUps.open).toBe(2);

    await setRetention(admin, { retentionMonths: 6 });
    expect(await previewRetention(admin, 6, NOW)).toMatchObject({ comments: 2, contacts: 2, openFollowUps: 1 });
    await applyRetention(admin, NOW);
    const after = await figures(admin);

    expect(after.dashboard.figure).toEqual(before.dashboard.figure);
    expect(after.dashboard.distribution ?? null).toEqual(before.dashboard.distribution ?? null);
    expect(after.comments.sort()).toEqual(["Fresh: great", "Fresh: long queue"]);
    expect(after.dashboard.followUps).toMatchObject({ open: 1, opened: before.dashboard.followUps.opened, outcomes: before.dashboard.followUps.outcomes });
    expect(await previewRetention(admin, 6, NOW)).toMatchObject({ comments: 0, contacts: 0, openFollowUps: 0 });
  });

  it("changes nothing for a tenant without a period", async () => {
    const { tenant, admin } = await createTenant("Retention Keep Shop");
    const store = await createTestStore(tenant);
    await answered(tenant, store.id, subMonths(NOW, 30), 5, "Ancient");
    await applyRetention(admin, NOW);
    expect((await figures(admin)).comments).toEqual(["Ancient"]);
  });
});
