import { beforeAll, describe, expect, it } from "vitest";
import { followUpFiguresFromRollup, followUpFiguresFromRows, median, minutesToFirstContact, slaState } from "@/lib/analytics/follow-up-figures";
import { db } from "@/lib/db";
import type { Member } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp } from "../responses/respond";
import { filtersFor } from "./filters-for";

// The follow-up figures exist three times: per follow-up in TypeScript (CSV export), aggregated in SQL over raw
// follow-ups (filtered views) and read from FollowUpRollup (whole-tenant views). They must agree.

const NOW = new Date("2026-04-01T12:00:00Z");
const HOUR = 3_600_000;
let admin: Member;
let rows: { createdAt: Date; contactedAt: Date | null; dueAt: Date; outcome: string | null }[];

beforeAll(async () => {
  const created = await createTenant("Follow-up Figures Shop");
  admin = created.admin;
  const store = await createTestStore(created.tenant, "Pier");
  // 24 detractors over March, worked in every way: contacted early, late, never; closed with each outcome; still open.
  for (let n = 0; n < 24; n++) {
    const at = new Date(Date.UTC(2026, 2, 1 + n, 9, 17));
    const followUp = await detractorFollowUp(created.tenant, { storeId: n % 3 ? store.id : null, at });
    const contactedAt = n % 4 === 3 ? null : new Date(at.getTime() + (n * 7 + 0.5) * HOUR / 3);
    const closed = n % 2 === 0;
    const outcome = !closed ? null : contactedAt ? (n % 8 === 0 ? "not_resolved" : "resolved") : "unreachable";
    await db.followUp.update({
      where: { id: followUp.id },
      data: { contactedAt, status: closed ? "closed" : contactedAt ? "contacted" : "open", outcome, closedAt: closed ? NOW : null, dueAt: n === 23 ? new Date(NOW.getTime() + HOUR) : followUp.dueAt },
    });
  }
  rows = await db.followUp.findMany({ where: created.tenant });
});

describe("the follow-up figures", () => {
  it("are the same from the rollup and from the raw follow-ups", async () => {
    const queries: Record<string, string>[] = [{ from: "2026-03-01", to: "2026-03-31" }, { from: "2026-03-03", to: "2026-03-17" }, { period: "all" }];
    for (const query of queries) {
      const filters = await filtersFor(admin, query, NOW);
      expect(await followUpFiguresFromRollup(admin, filters, NOW), JSON.stringify(query)).toEqual(await followUpFiguresFromRows(admin, filters, NOW));
    }
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

  it("take the median between the two middle values", () => {
    expect(median([[1, 1], [5, 1], [9, 2]])).toBe(7);
    expect(median([[3, 3]])).toBe(3);
    expect(median([])).toBeNull();
  });
});
