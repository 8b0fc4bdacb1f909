import { beforeAll, describe, expect, it } from "vitest";
import { getThemeFigures } from "@/lib/analytics/theme-figures";
import { db } from "@/lib/db/client";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import { listThemes } from "@/lib/themes/read-themes";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { naiveThemeFigures } from "@/scripts/bench/naive-dashboard";
import { createMember, createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { filtersFor } from "./filters-for";

// The themes page reads ThemeRollup. Whatever the filters, its figures must be those of the raw comments and
// tags (the naive way bench:dashboard compares it with), and a comment must count in the right theme and period.

const NOW = new Date("2026-04-01T12:00:00Z");
const TEXTS = [
  ["en", "Waited ages in the queue"],
  ["en", "Friendly staff, but the queue was long"],
  ["en", "Too expensive"],
  ["de", "Lange Schlange an der Kasse"],
  ["fr", "Personnel aimable"],
  ["en", "Nothing special"],
] as const;

let tenant: Tenant;
let admin: Member;
let manager: Member;
let stores: { id: string }[];

beforeAll(async () => {
  ({ tenant, admin } = await createTenant("Theme Figures Shop"));
  stores = [await createTestStore(tenant, "Quay"), await createTestStore(tenant, "Hill")];
  manager = await createMember(tenant, "store_manager", [stores[1].id]);
  // 60 responses over February and March, in both stores and online, in two segments, most with a comment.
  for (let n = 0; n < 60; n++) {
    const email = `themes-${n}@example.test`;
    await db.contact.create({ data: { organizationId: tenant.organizationId, email, segment: n % 3 ? "Gold" : null } });
    const [locale, text] = TEXTS[n % TEXTS.length];
    const send = await sendTestSurvey(tenant, { email, storeId: n % 5 === 0 ? null : stores[n % 2].id, locale });
    const at = new Date(Date.UTC(2026, 1, 1 + n, 10));
    await db.surveySend.update({ where: { id: send.id }, data: { sentAt: at } });
    await recordScore(send.token, (n * 7) % 11, at);
    if (n % 4 !== 3) await saveComment(send.token, { comment: text, callbackConsent: false, callbackPhone: null });
  }
  // Another tenant with the same words: none of its comments may count here.
  const other = await createTenant("Other Theme Shop");
  const send = await sendTestSurvey(other.tenant);
  await recordScore(send.token, 2, new Date("2026-02-10T10:00:00Z"));
  await saveComment(send.token, { comment: "Waited ages in the queue", callbackConsent: false, callbackPhone: null });
});

describe("the theme figures", () => {
  it("are those of the raw comments, for every filter and period", async () => {
    const queries: Record<string, string>[] = [
      { from: "2026-03-01", to: "2026-03-31" },
      { from: "2026-02-03", to: "2026-03-17", trend: "week" },
      { from: "2026-02-03", to: "2026-03-17", trend: "month" },
      { period: "all" },
      { from: "2026-03-01", to: "2026-03-31", channel: "online" },
      { from: "2026-03-01", to: "2026-03-31", segment: "Gold" },
      { from: "2026-02-01", to: "2026-03-31", store: stores[0].id, channel: "store", segment: "Gold" },
    ];
    for (const query of queries) {
      const filters = await filtersFor(admin, query, NOW);
      expect(await getThemeFigures(admin, filters), JSON.stringify(query)).toEqual(await naiveThemeFigures(admin, filters));
    }
    const managerView = await filtersFor(manager, { period: "all" }, NOW);
    expect(await getThemeFigures(manager, managerView)).toEqual(await naiveThemeFigures(manager, managerView));
  });

  it("count mentions, the NPS of those responses, the share of comments and the trend per theme", async () => {
    const figures = await getThemeFigures(admin, await filtersFor(admin, { from: "2026-02-01", to: "2026-03-31", trend: "month" }, NOW));
    const comments = await db.response.findMany({ where: { ...tenant, comment: { not: null } }, include: { themes: true } });
    const waiting = (await listThemes(tenant)).find((theme) => theme.name === "Waiting time")!;
    const mentioning = comments.filter((response) => response.themes.some((tag) => tag.themeId === waiting.id));

    expect(figures.comments).toBe(comments.length);
    const figure = figures.themes.find((theme) => theme.id === waiting.id)!;
    expect(mentioning.length).toBeGreaterThan(10);
    expect(figure.figure).toMatchObject({
      responses: mentioning.length,
      promoters: mentioning.filter((response) => response.category === "promoter").length,
      detractors: mentioning.filter((response) => response.category === "detractor").length,
    });
    expect(figure.share).toBeCloseTo(mentioning.length / comments.length, 9);
    expect(figures.trend.map((point) => point.period)).toEqual(["2026-02-01", "2026-03-01"]);
    expect(figures.trend.reduce((sum, point) => sum + point.mentions["Waiting time"], 0)).toBe(mentioning.length);
  });

  it("follow a response that moves: a changed score, a store deleted, a comment taken back", async () => {
    const filters = await filtersFor(admin, { period: "all" }, NOW);
    const response = await db.response.findFirstOrThrow({ where: { ...tenant, comment: "Too expensive", storeId: stores[0].id } });
    const send = await db.surveySend.findUniqueOrThrow({ where: { id: response.surveySendId } });

    await recordScore(send.token, response.score >= 9 ? 0 : 10, NOW);
    expect(await getThemeFigures(admin, filters)).toEqual(await naiveThemeFigures(admin, filters));

    await saveComment(send.token, { comment: "", callbackConsent: false, callbackPhone: null });
    expect(await getThemeFigures(admin, filters)).toEqual(await naiveThemeFigures(admin, filters));

    await db.store.delete({ where: { id: stores[0].id } });
    expect(await getThemeFigures(admin, filters)).toEqual(await naiveThemeFigures(admin, filters));
    expect(await db.themeRollup.count({ where: { ...tenant, storeId: stores[0].id } })).toBe(0);
  });
});
