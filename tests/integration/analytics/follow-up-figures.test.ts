import { beforeAll, describe, expect, it } from "vitest";
import { followUpFiguresFromRollup, followUpFiguresFromRows, minutesToFirstContact, slaState } from "@/lib/analytics/follow-up-figures";
import { db } from "@/lib/db/client";
import { listRootCauses, setRootCauseArchived } from "@/lib/followups/root-causes";
import type { Member } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp } from "../responses/respond";
import { filtersFor } from "./filters-for";

// The follow-up figures exist three times: per follow-up in TypeScript (CSV export), aggregated in SQL over raw
// follow-ups (views limited to stores) and read from FollowUpRollup (the whole tenant, or one channel, survey,
// segment or region of it). They must agree.

const NOW = new Date("2026-04-01T12:00:00Z");
const HOUR = 3_600_000;
let admin: Member;
let rows: { createdAt: Date; contactedAt: Date | null; dueAt: Date; outcome: string | null; rootCauseId: string | null }[];
let causes: Awaited<ReturnType<typeof listRootCauses>>;
let regionId: string;

beforeAll(async () => {
  const created = await createTenant("Follow-up Figures Shop");
  admin = created.admin;
  const store = await createTestStore(created.tenant, "Pier");
  // The store is in a region, and another store of the region has none of these follow-ups.
  regionId = (await db.region.create({ data: { organizationId: created.tenant.organizationId, name: "Coast" } })).id;
  const other = await createTestStore(created.tenant, "Harbour");
  await db.store.updateMany({ where: { id: { in: [store.id, other.id] } }, data: { regionId } });
  causes = await listRootCauses(created.tenant);
  // 24 detractors over March, worked in every way: contacted early, late, never; closed with each outcome; still open.
  for (let n = 0; n < 24; n++) {
    const at = new Date(Date.UTC(2026, 2, 1 + n, 9, 17));
    const followUp = await detractorFollowUp(created.tenant, { storeId: n % 3 ? store.id : null, at });
    // Every other response is of the Gold segment: set on the response after the follow-up opened, so that the
    // follow-up's copy of the keys and its rollup rows move with it.
    if (n % 2 === 0) await db.response.update({ where: { id: followUp.responseId }, data: { segment: "Gold" } });
    const contactedAt = n % 4 === 3 ? null : new Date(at.getTime() + (n * 7 + 0.5) * HOUR / 3);
    const closed = n % 2 === 0;
    const outcome = !closed ? null : contactedAt ? (n % 8 === 0 ? "not_resolved" : "resolved") : "unreachable";
    await db.followUp.update({
      where: { id: followUp.id },
      data: {
        contactedAt,
        status: closed ? "closed" : contactedAt ? "contacted" : "open",
        outcome,
        closedAt: closed ? NOW : null,
        dueAt: n === 23 ? new Date(NOW.getTime() + HOUR) : followUp.dueAt,
        // Root causes on most: the first cause on every third, the second on every fifth, none on the rest.
        rootCauseId: n % 3 === 0 ? causes[0].id : n % 5 === 0 ? causes[1].id : n % 7 === 0 ? causes[2].id : null,
      },
    });
  }
  // A cause archived after use still counts for the follow-ups that have it.
  await setRootCauseArchived(created.tenant, causes[2].id, true);
  rows = await db.followUp.findMany({ where: created.tenant });
});

describe("the follow-up figures", () => {
  it("are the same from the rollup and from the raw follow-ups, for the whole tenant and one channel, segment or region", async () => {
    const periods: Record<string, string>[] = [{ from: "2026-03-01", to: "2026-03-31" }, { from: "2026-03-03", to: "2026-03-17" }, { from: "2026-03-02", to: "2026-03-29" }, { period: "all" }];
    const views: Record<string, string>[] = [{}, { channel: "online" }, { channel: "store" }, { segment: "Gold" }, { segment: "Silver" }, { region: regionId }];
    for (const query of periods.flatMap((period) => views.map((view) => ({ ...period, ...view })))) {
      const filters = await filtersFor(admin, query, NOW);
      expect(await followUpFiguresFromRollup(admin, filters, NOW), JSON.stringify(query)).toEqual(await followUpFiguresFromRows(admin, filters, NOW));
    }
    const gold = await followUpFiguresFromRollup(admin, await filtersFor(admin, { period: "all", segment: "Gold" }, NOW), NOW);
    expect(gold.opened).toBe(12);
    // Two in three detractors were in the region's store.
    expect((await followUpFiguresFromRollup(admin, await filtersFor(admin, { period: "all", region: regionId }, NOW), NOW)).opened).toBe(16);
  });

  it("match the per-follow-up definitions the CSV export uses", async () => {
    const figures = await followUpFiguresFromRollup(admin, await filtersFor(admin, { from: "2026-03-01", to: "2026-03-31" }, NOW), NOW);
    const minutes = rows.map(minutesToFirstContact).filter((value): value is number => value !== null).sort((a, b) => a - b);
    const states = rows.map((row) => slaState(row, NOW));

    expect(figures.opened).toBe(24);
    expect(figures.contacted).toBe(minutes.length);
    expect(figures.medianMinutesToFirstContact).toBe((minutes[8] + minutes[9]) / 2);
    expect(figures.slaDecided).toBe(states.filter((state) => state !== "pending").length);
    expect(figures.withinSla).toBeCloseTo(states.filter((state) => state === "met").length / figures.slaDecided, 9);
    expect(states).toContain("pending");
    expect(figures.outcomes).toEqual({
      resolved: rows.filter((row) => row.outcome === "resolved").length,
      not_resolved: rows.filter((row) => row.outcome === "not_resolved").length,
      unreachable: rows.filter((row) => row.outcome === "unreachable").length,
    });
  });

  it("count follow-ups per root cause: every cause offered, archived ones that count, and those without one", async () => {
    const { rootCauses } = await followUpFiguresFromRollup(admin, await filtersFor(admin, { from: "2026-03-01", to: "2026-03-31" }, NOW), NOW);
    const count = (id: string | null) => rows.filter((row) => row.rootCauseId === id).length;

    expect(rootCauses.reduce((sum, cause) => sum + cause.followUps, 0)).toBe(24);
    expect(rootCauses.slice(0, 3)).toEqual([
      { rootCauseId: causes[0].id, label: causes[0].label, followUps: count(causes[0].id) },
      { rootCauseId: causes[1].id, label: causes[1].label, followUps: count(causes[1].id) },
      { rootCauseId: causes[2].id, label: causes[2].label, followUps: count(causes[2].id) },
    ]);
    // Causes nobody used yet are listed with 0, so that the list reads the same every period; "Not recorded" last.
    expect(rootCauses.at(-1)).toEqual({ rootCauseId: null, label: "Not recorded", followUps: count(null) });
    expect(rootCauses).toHaveLength(causes.length + 1);
  });

  it("take the median between the two middle values, with an odd and an even number of contacted follow-ups", async () => {
    for (const [from, to] of [["2026-03-01", "2026-03-05"], ["2026-03-01", "2026-03-06"], ["2026-03-02", "2026-03-02"], ["2026-03-04", "2026-03-04"]]) {
      const filters = await filtersFor(admin, { from, to }, NOW);
      const inRange = rows.filter((row) => row.createdAt >= filters.range.from && row.createdAt < filters.range.to);
      const minutes = inRange.map(minutesToFirstContact).filter((value): value is number => value !== null).sort((a, b) => a - b);
      const expected = minutes.length ? (minutes[Math.floor((minutes.length - 1) / 2)] + minutes[Math.ceil((minutes.length - 1) / 2)]) / 2 : null;
      expect((await followUpFiguresFromRollup(admin, filters, NOW)).medianMinutesToFirstContact, `${from} to ${to}`).toBe(expected);
    }
  });
});
