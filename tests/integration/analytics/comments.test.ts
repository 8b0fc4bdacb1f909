import { beforeAll, describe, expect, it } from "vitest";
import { COMMENTS_PER_PAGE, FEW_MATCHES, listComments } from "@/lib/analytics/comments";
import { getThemeFigures } from "@/lib/analytics/theme-figures";
import { db } from "@/lib/db/client";
import { saveComment } from "@/lib/responses/record-score";
import { HANDLERS } from "@/lib/worker/handlers";
import { QUEUES, type JobData } from "@/lib/queue/queues";
import { listRetagStatus, runThemeRetag } from "@/lib/themes/retag";
import { updateTheme } from "@/lib/themes/edit-themes";
import { listThemes } from "@/lib/themes/read-themes";
import { queuedJobs } from "@/tests/support/queued-jobs";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { respond } from "../responses/respond";
import { filtersFor } from "./filters-for";

const NOW = new Date("2026-03-01T12:00:00Z");
const QUERY = { from: "2026-02-01", to: "2026-02-28" };

let tenant: Tenant;
let admin: Member;
let manager: Member;
let storeId: string;

async function comment(score: number, text: string, options: { at: string; storeId?: string | null; locale?: string }) {
  const { send, response } = await respond(tenant, score, { storeId: options.storeId ?? null, at: new Date(options.at) });
  if (options.locale) await db.response.update({ where: { id: response.id }, data: { locale: options.locale } });
  await saveComment(send.token, { comment: text, callbackConsent: false, callbackPhone: null });
  return response;
}

beforeAll(async () => {
  ({ tenant, admin } = await createTenant("Comment Shop"));
  storeId = (await createTestStore(tenant, "Harbour")).id;
  manager = await createMember(tenant, "store_manager", [storeId]);
  await comment(2, "Waited 30 minutes at the till", { at: "2026-02-03T10:00:00Z", storeId });
  await comment(9, "Friendly staff, quick checkout", { at: "2026-02-04T10:00:00Z", storeId });
  await comment(3, "Über 20 Minuten an der Kasse gewartet", { at: "2026-02-05T10:00:00Z", locale: "de" });
  await comment(8, "Fine, parking was hard", { at: "2026-02-06T10:00:00Z" });
  await comment(1, "Queue out of the door", { at: "2026-01-15T10:00:00Z" }); // before the range
  for (let day = 10; day < 10 + COMMENTS_PER_PAGE; day++) {
    await comment(10, `Lovely visit number ${day}`, { at: `2026-02-${String(day % 28 || 28).padStart(2, "0")}T08:00:00Z`, storeId });
  }
  // Another tenant writing the very same words: never shown here.
  const other = await createTenant("Other Comment Shop");
  const { send } = await respond(other.tenant, 2, { at: new Date("2026-02-03T11:00:00Z") });
  await saveComment(send.token, { comment: "Waited 30 minutes at the till", callbackConsent: false, callbackPhone: null });
});

const comments = async (member: Member, options: Parameters<typeof listComments>[2] = {}, query = QUERY) =>
  listComments(member, await filtersFor(member, query, NOW), options);

describe("the comments explorer", () => {
  it("lists the period's comments newest first, a page at a time, with a cursor to the next page", async () => {
    const first = await comments(admin);
    expect(first.comments).toHaveLength(COMMENTS_PER_PAGE);
    const times = first.comments.map((row) => row.respondedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const second = await comments(admin, { after: first.next! });
    expect(second.next).toBeNull();
    const all = [...first.comments, ...second.comments].map((row) => row.comment);
    expect(all).toHaveLength(4 + COMMENTS_PER_PAGE);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain("Queue out of the door");
  });

  it("finds comments by word prefixes, in any language", async () => {
    expect((await comments(admin, { q: "wait till" })).comments.map((row) => row.comment)).toEqual(["Waited 30 minutes at the till"]);
    expect((await comments(admin, { q: "kasse" })).comments.map((row) => row.comment)).toEqual(["Über 20 Minuten an der Kasse gewartet"]);
    expect((await comments(admin, { q: "nothing-like-this" })).comments).toEqual([]);
  });

  it("searches the newest month, then older comments, in one newest-first order a cursor can resume", async () => {
    // Ending 20 March, the newest month holds the last ten days of February's comments; the rest are older.
    const longer = { from: "2026-02-01", to: "2026-03-20" };
    const found = await comments(admin, { q: "lovely" }, longer);
    expect(found.comments).toHaveLength(COMMENTS_PER_PAGE);
    expect(found.next).toBeNull();
    const times = found.comments.map((row) => row.respondedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBe(new Date("2026-02-28T08:00:00Z").getTime());

    const cursor = found.comments[9];
    const rest = await comments(admin, { q: "lovely", after: { respondedAt: cursor.respondedAt, id: cursor.id } }, longer);
    expect(rest.comments.map((row) => row.id)).toEqual(found.comments.slice(10).map((row) => row.id));
  });

  it("filters by category and by theme, and shows each comment's themes", async () => {
    const detractors = await comments(admin, { category: "detractor" });
    expect(detractors.comments.map((row) => row.score).sort()).toEqual([2, 3]);

    const waiting = (await listThemes(tenant)).find((theme) => theme.name === "Waiting time")!;
    const tagged = await comments(admin, { theme: waiting.id });
    expect(tagged.comments.map((row) => row.comment).sort()).toEqual(["Waited 30 minutes at the till", "Über 20 Minuten an der Kasse gewartet"]);
    expect(tagged.comments[0].themes).toContain("Waiting time");
  });

  it("shows a store manager only their stores' comments", async () => {
    const page = await comments(manager, { q: "" });
    expect(page.comments.every((row) => row.storeName === "Harbour")).toBe(true);
    expect((await comments(manager, { q: "kasse" })).comments).toEqual([]);
  });
});

describe("themes", () => {
  it("are tagged when the comment arrives, and again when it is changed", async () => {
    const response = await comment(4, "The store was dirty", { at: "2026-02-07T10:00:00Z" });
    const tags = async () =>
      (await db.responseTheme.findMany({ where: { responseId: response.id }, include: { theme: true } })).map((tag) => tag.theme.name);
    expect(await tags()).toEqual(["Cleanliness"]);

    const send = await db.surveySend.findUniqueOrThrow({ where: { id: response.surveySendId } });
    await saveComment(send.token, { comment: "Prices too high", callbackConsent: false, callbackPhone: null });
    expect(await tags()).toEqual(["Price"]);
  });

  it("count mentions and the NPS of those responses per theme", async () => {
    const figures = await getThemeFigures(admin, await filtersFor(admin, QUERY, NOW));
    const waiting = figures.themes.find((theme) => theme.name === "Waiting time")!;
    expect(waiting.figure).toMatchObject({ responses: 2, detractors: 2, nps: -100, tooFew: true });
    // "Queue out of the door" on Jan 15, in the previous period.
    expect(waiting.previousMentions).toBe(1);
    expect(figures.trend.length).toBeGreaterThan(0);
  });

  it("apply edited keywords to past comments too, in a background job queued with the edit", async () => {
    const parking = (await listThemes(tenant)).find((theme) => theme.name === "Store and parking")!;
    const input = { name: "Store and parking", keywords_en: ["lovely"], keywords_de: [], keywords_nl: [], keywords_pl: [], keywords_fr: [] };
    await updateTheme(tenant, parking.id, input);

    // The request only queued the work: past comments keep their tags until the worker runs the job.
    expect((await comments(admin, { theme: parking.id })).comments.map((row) => row.comment)).toEqual(["Fine, parking was hard"]);
    expect(await listRetagStatus(tenant)).toMatchObject([{ themeId: parking.id, state: "queued", progress: null }]);
    const [job] = await queuedJobs(QUEUES.themeRetag, "themeId", parking.id);
    expect(job.data).toEqual({ organizationId: tenant.organizationId, themeId: parking.id, version: 1 });

    await HANDLERS.themeRetag(job.data as unknown as JobData["themeRetag"]);

    const tagged = await comments(admin, { theme: parking.id });
    expect(tagged.comments.every((row) => row.comment.startsWith("Lovely"))).toBe(true);
    expect(tagged.comments).toHaveLength(COMMENTS_PER_PAGE);
    const commented = await db.response.count({ where: { ...tenant, comment: { not: null } } });
    expect(await listRetagStatus(tenant)).toMatchObject([{ themeId: parking.id, state: "done", done: commented, total: commented, progress: 1 }]);
    // The figures follow at once: the rollup is kept by the tags' own triggers.
    const figures = await getThemeFigures(admin, await filtersFor(admin, QUERY, NOW));
    expect(figures.themes.find((theme) => theme.id === parking.id)?.figure.responses).toBe(tagged.comments.length + (tagged.next ? 1 : 0));
  });

  it("leave the work of an edit that a newer edit replaced to the newer edit's job", async () => {
    const price = (await listThemes(tenant)).find((theme) => theme.name === "Price")!;
    const keywords = { keywords_de: [], keywords_nl: [], keywords_pl: [], keywords_fr: [] };
    await updateTheme(tenant, price.id, { name: "Price", keywords_en: ["dirty"], ...keywords });
    await updateTheme(tenant, price.id, { name: "Price", keywords_en: ["parking"], ...keywords });
    const [first, second] = await queuedJobs(QUEUES.themeRetag, "themeId", price.id);

    expect(await runThemeRetag(tenant, price.id, Number(first.data.version))).toBe("superseded");
    expect((await comments(admin, { theme: price.id })).comments.map((row) => row.comment)).toEqual(["Prices too high"]);

    expect(await runThemeRetag(tenant, price.id, Number(second.data.version))).toBe("done");
    expect((await comments(admin, { theme: price.id })).comments.map((row) => row.comment)).toEqual(["Fine, parking was hard"]);
    // Run again (pg-boss retried it): nothing left to do.
    expect(await runThemeRetag(tenant, price.id, Number(second.data.version))).toBe("done");
  });

  it("go on from the last batch done when a job is run again after it stopped half way", async () => {
    const cleanliness = (await listThemes(tenant)).find((theme) => theme.name === "Cleanliness")!;
    const commented = await db.response.findMany({ where: { ...tenant, comment: { not: null } }, orderBy: { id: "asc" }, select: { id: true, comment: true } });
    await updateTheme(tenant, cleanliness.id, { name: "Cleanliness", keywords_en: ["lovely"], keywords_de: [], keywords_nl: [], keywords_pl: [], keywords_fr: [] });
    // As if a first run had done the first half and then died: its cursor and count are on the row.
    const half = Math.floor(commented.length / 2);
    await db.themeRetag.update({ where: { themeId: cleanliness.id }, data: { state: "running", cursor: commented[half - 1].id, done: half } });

    expect(await runThemeRetag(tenant, cleanliness.id, 1)).toBe("done");

    // Only the comments after the cursor were tagged again: the first half is left as the first run left it.
    const tagged = await db.responseTheme.findMany({ where: { themeId: cleanliness.id }, select: { responseId: true } });
    const lovelyAfterCursor = commented.slice(half).filter((row) => row.comment!.startsWith("Lovely")).map((row) => row.id);
    expect(tagged.map((tag) => tag.responseId).sort()).toEqual(lovelyAfterCursor.sort());
    expect(await listRetagStatus(tenant)).toContainEqual(expect.objectContaining({ themeId: cleanliness.id, state: "done", done: commented.length }));
  });
});

describe("a search for a word many wrote", () => {
  it("walks the newest month, then takes older matches from the index, in one newest-first order a cursor can resume", async () => {
    const busy = await createTenant("Busy Comment Shop");
    const { send } = await respond(busy.tenant, 9, { at: new Date("2026-01-01T10:00:00Z") });
    // More matches than a search reads through the index at once, one every two hours from 1 December to 20 January,
    // and none in the newest month of the range: the first page comes from the index, the next ones from the walk.
    const at = (n: number) => new Date(Date.UTC(2025, 11, 1) + n * 2 * 3_600_000);
    const many = 600;
    expect(many).toBeGreaterThan(FEW_MATCHES);
    await db.$executeRaw`
      INSERT INTO "SurveySend" ("id", "organizationId", "surveyId", "contactId", "channel", "token", "locale", "sentAt")
      SELECT 'busy-send-' || n, ${busy.tenant.organizationId}, ${send.surveyId}, ${send.contactId}, 'online', 'busy-token-' || n, 'en',
             ${at(0)}::timestamp + n * interval '2 hours'
        FROM generate_series(0, ${many - 1}) AS n`;
    await db.$executeRaw`
      INSERT INTO "Response" ("id", "organizationId", "surveySendId", "surveyId", "contactId", "channel", "score", "category", "comment", "locale", "respondedAt", "updatedAt")
      SELECT 'busy-response-' || n, ${busy.tenant.organizationId}, 'busy-send-' || n, ${send.surveyId}, ${send.contactId}, 'online', 9, 'promoter',
             'Helpful people ' || n, 'en', ${at(0)}::timestamp + n * interval '2 hours', now()
        FROM generate_series(0, ${many - 1}) AS n`;
    const query = { from: "2025-12-01", to: "2026-02-28" };

    const seen: string[] = [];
    let after: { respondedAt: Date; id: string } | undefined;
    do {
      const page = await listComments(busy.admin, await filtersFor(busy.admin, query, NOW), { q: "help", ...(after && { after }) });
      seen.push(...page.comments.map((row) => row.id));
      after = page.next ?? undefined;
    } while (after);

    // Every match once, newest first.
    const expected = Array.from({ length: many }, (_, n) => many - 1 - n);
    expect(seen).toEqual(expected.map((n) => `busy-response-${n}`));
  });
});
