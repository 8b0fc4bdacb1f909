import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/analytics/dashboard";
import { db } from "@/lib/db";
import { closeFollowUp, markContacted } from "@/lib/followups/followups";
import type { Member } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { respond } from "../responses/respond";

// Two Monday-to-Monday weeks; `to` is exclusive.
const RANGE = { from: new Date("2026-01-05T00:00:00Z"), to: new Date("2026-01-19T00:00:00Z") };
const NOW = new Date("2026-01-16T12:00:00Z");

let admin: Member;
let manager: Member;
let north: { id: string };
let south: { id: string };

/** Scores 10, 9, 9 at North in week one; 8 and 3, 0 at South and 7 online in week two; two just outside. */
async function scoresOf(tenantName: string) {
  const created = await createTenant(tenantName);
  const tenant = created.tenant;
  const stores = { north: await createTestStore(tenant, "North"), south: await createTestStore(tenant, "South") };
  const at = (iso: string) => new Date(iso);
  for (const [score, storeId, time] of [
    [10, stores.north.id, "2026-01-05T00:00:00Z"],
    [9, stores.north.id, "2026-01-07T10:00:00Z"],
    [9, stores.north.id, "2026-01-11T23:59:59Z"],
    [8, stores.south.id, "2026-01-12T09:00:00Z"],
    [3, stores.south.id, "2026-01-14T10:00:00Z"], // due Jan 15: overdue at NOW
    [0, stores.south.id, "2026-01-16T10:00:00Z"], // due Jan 17: open, not overdue
    [7, null, "2026-01-13T15:00:00Z"],
    [10, stores.north.id, "2026-01-04T23:59:59Z"], // before the range
    [6, null, "2026-01-19T00:00:00Z"], // at the exclusive end of the range
  ] as const) {
    await respond(tenant, score, { storeId, at: at(time) });
  }
  const unanswered = await sendTestSurvey(tenant, { storeId: stores.south.id });
  await db.surveySend.update({ where: { id: unanswered.id }, data: { sentAt: at("2026-01-10T12:00:00Z") } });
  return { ...created, ...stores };
}

beforeAll(async () => {
  const shop = await scoresOf("Dashboard Shop");
  ({ admin, north, south } = shop);
  manager = await createMember(shop.tenant, "store_manager", [south.id]);
  // Another tenant with the very same responses: none of them may count.
  await scoresOf("Other Shop");
});

describe("the CX dashboard", () => {
  it("counts the responses of the date range and computes the NPS from them", async () => {
    const { summary } = await getDashboard(admin, RANGE, NOW);

    expect(summary).toMatchObject({ responses: 7, promoters: 3, passives: 2, detractors: 2 });
    expect(summary.nps).toBeCloseTo(((3 - 2) / 7) * 100, 6);
    expect(summary.marginOfError).toBeGreaterThan(0);
  });

  it("shows how many responses gave each score from 0 to 10", async () => {
    const { distribution } = await getDashboard(admin, RANGE, NOW);
    expect(distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1, 2, 1]);
  });

  it("shows the NPS per week, each week starting on Monday", async () => {
    const { weekly } = await getDashboard(admin, RANGE, NOW);

    expect(weekly).toMatchObject([
      { week: "2026-01-05", responses: 3, promoters: 3, nps: 100 },
      { week: "2026-01-12", responses: 4, passives: 2, detractors: 2, nps: -50 },
    ]);
  });

  it("shows each store's NPS with its open and overdue follow-ups", async () => {
    const { stores } = await getDashboard(admin, RANGE, NOW);

    expect(stores).toHaveLength(2);
    expect(stores.find((row) => row.storeId === north.id)).toMatchObject({
      name: "North", region: null, responses: 3, nps: 100, openFollowUps: 0, overdueFollowUps: 0,
    });
    const southRow = stores.find((row) => row.storeId === south.id)!;
    expect(southRow).toMatchObject({ responses: 3, passives: 1, detractors: 2, openFollowUps: 2, overdueFollowUps: 1 });
    expect(southRow.nps).toBeCloseTo(-200 / 3, 6);
  });

  it("counts the surveys sent in the date range, answered or not", async () => {
    expect((await getDashboard(admin, RANGE, NOW)).sent).toBe(8);
  });

  it("for a store manager counts only their stores", async () => {
    const dashboard = await getDashboard(manager, RANGE, NOW);

    expect(dashboard.summary).toMatchObject({ responses: 3, promoters: 0, passives: 1, detractors: 2 });
    expect(dashboard.distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
    expect(dashboard.weekly).toMatchObject([{ week: "2026-01-12", responses: 3 }]);
    expect(dashboard.stores.map((row) => row.storeId)).toEqual([south.id]);
    expect(dashboard.sent).toBe(4);
  });

  it("is empty for a range without responses", async () => {
    const dashboard = await getDashboard(admin, { from: new Date("2025-06-01T00:00:00Z"), to: new Date("2025-07-01T00:00:00Z") }, NOW);

    expect(dashboard.summary).toMatchObject({ responses: 0, nps: null, marginOfError: null });
    expect(dashboard.weekly).toEqual([]);
    expect(dashboard.sent).toBe(0);
    expect(dashboard.stores.map((row) => row.responses)).toEqual([0, 0]);
  });

  // These two run last: they work South's follow-ups.
  it("no longer counts an overdue follow-up as overdue once the customer was called, though it stays open", async () => {
    const overdue = await db.followUp.findFirstOrThrow({ where: { storeId: south.id }, orderBy: { dueAt: "asc" } });
    await markContacted(admin, overdue.id, NOW);

    const { stores } = await getDashboard(admin, RANGE, NOW);

    expect(stores.find((row) => row.storeId === south.id)).toMatchObject({ openFollowUps: 2, overdueFollowUps: 0 });
  });

  it("no longer counts a closed follow-up as open", async () => {
    const latest = await db.followUp.findFirstOrThrow({ where: { storeId: south.id }, orderBy: { dueAt: "desc" } });
    await closeFollowUp(admin, latest.id, { outcome: "resolved", body: null }, NOW);

    const { stores } = await getDashboard(admin, RANGE, NOW);

    expect(stores.find((row) => row.storeId === south.id)).toMatchObject({ openFollowUps: 1, overdueFollowUps: 0 });
  });
});
