import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eraseContact } from "@/lib/privacy/erase-contact";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import { listRootCauses } from "@/lib/followups/root-causes";
import { retagComments } from "@/lib/themes/tag-comments";
import { listThemes } from "@/lib/themes/read-themes";
import { getDashboard } from "@/lib/analytics/dashboard";
import { minutesToFirstContact } from "@/lib/analytics/follow-up-figures";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { filtersFor } from "./filters-for";

// The rollups are kept by database triggers. Whatever writes responses, sends, comments, theme tags and follow-ups,
// in whatever order, each must equal a recount from the raw rows, made here independently in TypeScript:
// FeedbackRollup, TenantFeedbackRollup and StoreFeedbackRollup from sends and responses, ThemeRollup from comments
// and their tags (with the response's keys as they are now, not as the tag copied them), FollowUpRollup,
// FollowUpHourRollup and RootCauseRollup from follow-ups (by the definitions of lib/analytics/follow-up-figures.ts), each of their shards from its own follow-ups,
// for the whole tenant and for each channel, survey and segment of their responses.

/** The shard a follow-up counts in: the first byte of the MD5 of its id, modulo 16 (FollowUp_rollup_shard). */
const shardOf = (followUpId: string) => createHash("md5").update(followUpId).digest()[0]! % 16;

/** Small seeded PRNG (mulberry32): a failing mix can be replayed with ROLLUP_SEED. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (max: number) => Math.floor(next() * max), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const key = (...parts: (string | number)[]) => parts.join("|");
const day = (date: Date) => date.toISOString().slice(0, 10);
const month = (date: Date) => `${date.toISOString().slice(0, 7)}-01`;
const year = (date: Date) => `${date.toISOString().slice(0, 4)}-01-01`;
const week = (date: Date) => day(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7))));

/**
 * The keys each feedback rollup counts a send or response under: per store, survey, channel and segment; the whole
 * tenant's; per store for everything and for each channel, survey and segment alone (filter, value).
 */
const FEEDBACK_KEYS = {
  FeedbackRollup: (row: FeedbackKeys) => [[row.storeId ?? "", row.surveyId, row.channel, row.segment ?? ""]],
  TenantFeedbackRollup: (row: FeedbackKeys) => [[row.surveyId, row.channel, row.segment ?? ""]],
  StoreFeedbackRollup: (row: FeedbackKeys) =>
    row.storeId
      ? [
          ["", "", row.storeId],
          ["channel", row.channel, row.storeId],
          ["survey", row.surveyId, row.storeId],
          ["segment", row.segment ?? "", row.storeId],
        ]
      : [],
};
type FeedbackKeys = { storeId: string | null; surveyId: string; channel: string; segment: string | null };
type FeedbackRollupName = keyof typeof FEEDBACK_KEYS;

async function recount(tenant: Tenant, table: FeedbackRollupName) {
  const where = { organizationId: tenant.organizationId };
  const [sends, responses] = await Promise.all([db.surveySend.findMany({ where }), db.response.findMany({ where })]);
  const counts = new Map<string, number>();
  const add = (at: Date, row: FeedbackKeys, column: string) => {
    for (const keys of FEEDBACK_KEYS[table](row)) {
      for (const [grain, period] of GRAINS(at)) {
        const name = key(grain, period, ...keys, column);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  };
  for (const send of sends) add(send.sentAt, send, "sent");
  for (const response of responses) add(response.respondedAt, response, `score${response.score}`);
  return counts;
}

/** The periods a row counts in: the feedback and follow-up rollups by year too, ThemeRollup by day, week and month. */
const GRAINS = (at: Date) => [["day", day(at)], ["week", week(at)], ["month", month(at)], ["year", year(at)]] as const;
const THEME_GRAINS = (at: Date) => GRAINS(at).filter(([grain]) => grain !== "year");

async function recountThemes(tenant: Tenant) {
  const where = { organizationId: tenant.organizationId };
  const [responses, tags] = await Promise.all([db.response.findMany({ where }), db.responseTheme.findMany({ where, select: { responseId: true, themeId: true } })]);
  const byId = new Map(responses.map((response) => [response.id, response]));
  const counts = new Map<string, number>();
  const add = (response: (typeof responses)[number], themeId: string) => {
    for (const store of [response.storeId ?? "", "*"]) {
      for (const [grain, period] of THEME_GRAINS(response.respondedAt)) {
        const name = key(store, grain, period, themeId, response.surveyId, response.channel, response.segment ?? "", `${response.category}s`);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  };
  for (const response of responses) if (response.comment !== null) add(response, "");
  for (const tag of tags) add(byId.get(tag.responseId)!, tag.themeId);
  return counts;
}

async function themeRollup(tenant: Tenant) {
  const rows = await db.themeRollup.findMany({ where: { organizationId: tenant.organizationId } });
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const column of ["promoters", "passives", "detractors"] as const) {
      if (row[column] !== 0) counts.set(key(row.storeId, row.grain, day(row.periodStart), row.themeId, row.surveyId, row.channel, row.segment, column), row[column]);
    }
  }
  return { counts, emptyRows: rows.filter((row) => row.promoters === 0 && row.passives === 0 && row.detractors === 0).length };
}

/** The follow-ups with the (filter, value) pairs each counts under: the whole tenant's, and its response's keys as they are now. */
async function followUpsByFilter(tenant: Tenant) {
  const followUps = await db.followUp.findMany({ where: { organizationId: tenant.organizationId }, include: { response: true, store: true } });
  return followUps.map((followUp) => ({
    ...followUp,
    filters: [
      ["", ""],
      ["channel", followUp.response.channel],
      ["survey", followUp.response.surveyId],
      ["segment", followUp.response.segment ?? ""],
      ...(followUp.store?.regionId ? [["region", followUp.store.regionId]] : []),
    ],
  }));
}

async function recountCauses(tenant: Tenant) {
  const counts = new Map<string, number>();
  // Follow-ups without a cause are not counted: the dashboard takes them as the rest of those opened.
  for (const followUp of (await followUpsByFilter(tenant)).filter((followUp) => followUp.rootCauseId !== null)) {
    for (const [grain, period] of GRAINS(followUp.createdAt)) {
      for (const filter of followUp.filters) {
        const name = key(...filter, grain, period, followUp.rootCauseId ?? "", shardOf(followUp.id));
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** FollowUpRollup by minutes and FollowUpHourRollup by hours to the first contact, from the raw follow-ups. */
async function recountFollowUps(tenant: Tenant, unit: "minutes" | "hours") {
  const counts = new Map<string, number>();
  for (const followUp of await followUpsByFilter(tenant)) {
    const minutes = minutesToFirstContact(followUp);
    // Follow-ups not contacted yet count by hours only (-1): the minutes serve the median among the contacted.
    if (minutes === null && unit === "minutes") continue;
    const bucket = minutes === null ? -1 : unit === "minutes" ? minutes : Math.floor(minutes / 60);
    const columns = [
      "opened",
      ...(followUp.contactedAt && followUp.contactedAt <= followUp.dueAt ? ["slaMet"] : []),
      ...(followUp.outcome ? [{ resolved: "resolved", not_resolved: "notResolved", unreachable: "unreachable" }[followUp.outcome]] : []),
    ];
    for (const [grain, period] of GRAINS(followUp.createdAt)) {
      for (const [filter, column] of followUp.filters.flatMap((filter) => columns.map((column) => [filter, column] as const))) {
        const name = key(...filter, grain, period, bucket, shardOf(followUp.id), column);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return counts;
}

async function followUpRollup(tenant: Tenant, unit: "minutes" | "hours") {
  const where = { organizationId: tenant.organizationId };
  const rows =
    unit === "minutes"
      ? (await db.followUpRollup.findMany({ where })).map(({ minutesToFirstContact, ...row }) => ({ ...row, bucket: minutesToFirstContact }))
      : (await db.followUpHourRollup.findMany({ where })).map(({ hoursToFirstContact, ...row }) => ({ ...row, bucket: hoursToFirstContact }));
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const column of ["opened", "slaMet", "resolved", "notResolved", "unreachable"] as const) {
      if (row[column] !== 0) counts.set(key(row.filter, row.value, row.grain, day(row.periodStart), row.bucket, row.shard, column), row[column]);
    }
  }
  return counts;
}

async function causeRollup(tenant: Tenant) {
  const rows = await db.rootCauseRollup.findMany({ where: { organizationId: tenant.organizationId } });
  return {
    counts: new Map(rows.map((row) => [key(row.filter, row.value, row.grain, day(row.periodStart), row.rootCauseId, row.shard), row.followUps])),
    emptyRows: rows.filter((row) => row.followUps === 0).length,
  };
}

async function rollup(tenant: Tenant, table: FeedbackRollupName) {
  const where = { organizationId: tenant.organizationId };
  const rows: (Record<string, unknown> & { keys: string[]; grain: string; periodStart: Date })[] =
    table === "FeedbackRollup"
      ? (await db.feedbackRollup.findMany({ where })).map((row) => ({ ...row, keys: [row.storeId, row.surveyId, row.channel, row.segment] }))
      : table === "TenantFeedbackRollup"
        ? (await db.tenantFeedbackRollup.findMany({ where })).map((row) => ({ ...row, keys: [row.surveyId, row.channel, row.segment] }))
        : (await db.storeFeedbackRollup.findMany({ where })).map((row) => ({ ...row, keys: [row.filter, row.value, row.storeId] }));
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const column of ["sent", ...Array.from({ length: 11 }, (_, score) => `score${score}`)] as const) {
      const value = row[column] as number;
      if (value !== 0) counts.set(key(row.grain, day(row.periodStart), ...row.keys, column), value);
    }
  }
  return { counts, emptyRows: rows.filter((row) => Object.entries(row).every(([name, value]) => !/^(sent|score\d+)$/.test(name) || value === 0)).length };
}

const COMMENTS = ["Waited ages at the till", "Friendly staff", "Dirty floor and rude staff", "Fine", "Prices too high, long queue", "Nothing to add"];

let mixed: { tenant: Tenant; admin: Member };

describe("the feedback rollup", () => {
  it("equals a recount from raw rows after a random mix of sends, responses, score changes and deletions", async () => {
    const seed = Number(process.env.ROLLUP_SEED ?? 20261123);
    // The default mix is known to cover every kind of row; a replayed seed only has to agree.
    const covers = (what: string, covered: boolean) => seed === 20261123 && expect(covered, `the mix has ${what}`).toBe(true);
    const rand = random(seed);
    const { tenant, admin } = await createTenant("Rollup Shop");
    mixed = { tenant, admin };
    const stores = [await createTestStore(tenant, "A"), await createTestStore(tenant, "B"), await createTestStore(tenant, "C")];
    const regions = await Promise.all(["North", "South"].map((name) => db.region.create({ data: { organizationId: tenant.organizationId, name } })));
    await db.store.update({ where: { id: stores[0].id }, data: { regionId: regions[0].id } });
    await db.store.update({ where: { id: stores[1].id }, data: { regionId: regions[1].id } });
    const segments = [null, "Gold", "Silver"] as const;
    const tokens: string[] = [];
    // Across a new year, so that year rows are made and read.
    const base = new Date("2025-12-01T00:00:00Z").getTime();
    const causes = await listRootCauses(tenant);
    const themes = (await listThemes(tenant)).slice(0, 4);

    for (let step = 0; step < 150; step++) {
      const action = rand.next();
      if (action < 0.5 || tokens.length === 0) {
        // A send (sometimes answered, sometimes not), in a store or online, to a contact of some segment.
        const email = `rollup-${step}@example.test`;
        await db.contact.create({ data: { organizationId: tenant.organizationId, email, segment: rand.pick(segments) } });
        const send = await sendTestSurvey(tenant, { email, storeId: rand.next() < 0.8 ? rand.pick(stores).id : null });
        const sentAt = new Date(base + rand.int(70) * 86_400_000 + rand.int(86_400_000));
        await db.surveySend.update({ where: { id: send.id }, data: { sentAt } });
        if (rand.next() < 0.7) {
          await recordScore(send.token, rand.int(11), new Date(sentAt.getTime() + rand.int(3) * 86_400_000));
          tokens.push(send.token);
        }
      } else if (action < 0.62) {
        // A second click on the same email changes the score.
        await recordScore(rand.pick(tokens), rand.int(11));
      } else if (action < 0.72) {
        // A comment arrives (tagged in its transaction), is changed, or is taken back.
        await saveComment(rand.pick(tokens), { comment: rand.next() < 0.85 ? rand.pick(COMMENTS) : "", callbackConsent: false, callbackPhone: null });
      } else if (action < 0.84) {
        // Staff work a follow-up: record, change or clear a root cause, reach the customer (in time or late), close it.
        const followUp = await db.followUp.findFirst({ where: { organizationId: tenant.organizationId }, skip: rand.int(4) });
        const contactedAt = followUp && new Date(followUp.createdAt.getTime() + rand.int(3 * 86_400_000));
        if (followUp) {
          await db.followUp.update({
            where: { id: followUp.id },
            data: rand.pick([
              { rootCauseId: rand.next() < 0.8 ? rand.pick(causes).id : null },
              { contactedAt, status: "contacted" as const },
              { contactedAt: rand.next() < 0.7 ? contactedAt : null, status: "closed" as const, outcome: rand.pick(["resolved", "not_resolved", "unreachable"] as const) },
            ]),
          });
        }
      } else if (action < 0.86) {
        // A tenant edits a theme: its past comments are tagged again (as the worker's job does).
        const theme = rand.pick(themes);
        await db.theme.update({ where: { id: theme.id }, data: { keywords: { ...theme.keywords, en: rand.pick([["staff"], ["till", "queue*"], ["dirty", "price*"]]) } } });
        await retagComments(tenant, { themeId: theme.id });
      } else if (action < 0.88) {
        // A customer is erased: comments and tags go, the scores stay.
        const contact = await db.contact.findFirst({ where: { organizationId: tenant.organizationId, responses: { some: { comment: { not: null } } } } });
        if (contact) await eraseContact(tenant, contact.id);
      } else if (action < 0.9) {
        // A store moves to another region, or out of every region: its follow-ups' counts move with it.
        await db.store.update({ where: { id: rand.pick(stores).id }, data: { regionId: rand.pick([...regions.map((region) => region.id), null]) } });
      } else if (action < 0.92) {
        // A contact moves to another tier: past sends and responses keep the segment they had.
        const contact = await db.contact.findFirstOrThrow({ where: { organizationId: tenant.organizationId }, skip: rand.int(5) });
        await db.contact.update({ where: { id: contact.id }, data: { segment: rand.pick(segments) } });
      } else if (action < 0.97) {
        // A contact is erased: their sends and responses go, by cascade.
        const contact = await db.contact.findFirst({ where: { organizationId: tenant.organizationId, surveySends: { some: {} } }, skip: rand.int(3) });
        if (contact) {
          const gone = await db.surveySend.findMany({ where: { contactId: contact.id }, select: { token: true } });
          await db.contact.delete({ where: { id: contact.id } });
          for (const { token } of gone) if (tokens.includes(token)) tokens.splice(tokens.indexOf(token), 1);
        }
      } else if (stores.length > 1) {
        // A store is deleted: its sends and responses stay, without a store.
        const store = stores.splice(rand.int(stores.length), 1)[0];
        await db.store.delete({ where: { id: store.id } });
      }
    }

    // Whatever the mix did, some follow-up was reached in time, one closed without reaching the customer, one keeps a
    // root cause, and one has a cause that is then deleted outright (its follow-ups fall back to none).
    const [reached, unreached, caused, kept] = await db.followUp.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { id: "asc" }, take: 4 });
    await db.followUp.update({ where: { id: kept.id }, data: { rootCauseId: causes[1].id } });
    await db.followUp.update({ where: { id: reached.id }, data: { contactedAt: new Date(reached.createdAt.getTime() + 60_000), status: "contacted" } });
    await db.followUp.update({ where: { id: unreached.id }, data: { contactedAt: null, status: "closed", outcome: "unreachable" } });
    await db.followUp.update({ where: { id: caused.id }, data: { rootCauseId: causes[0].id } });
    await db.rootCause.delete({ where: { id: causes[0].id } });
    // And a store that is left moves into a region, taking its follow-ups' counts along.
    await db.store.update({ where: { id: stores[0].id }, data: { regionId: regions[1].id } });

    for (const table of Object.keys(FEEDBACK_KEYS) as FeedbackRollupName[]) {
      const [expected, actual] = await Promise.all([recount(tenant, table), rollup(tenant, table)]);
      covers(`sends and responses in ${table}`, expected.size > 100);
      expect(Object.fromEntries(actual.counts), `${table}, seed ${seed}`).toEqual(Object.fromEntries(expected));
      expect(actual.emptyRows, table).toBe(0);
    }

    const [expectedThemes, actualThemes] = await Promise.all([recountThemes(tenant), themeRollup(tenant)]);
    covers("comments", expectedThemes.size > 50);
    covers("theme tags", [...expectedThemes.keys()].some((name) => !name.startsWith("*|") && name.split("|")[3] !== ""));
    expect(Object.fromEntries(actualThemes.counts), `themes, seed ${seed}`).toEqual(Object.fromEntries(expectedThemes));
    expect(actualThemes.emptyRows).toBe(0);

    for (const unit of ["minutes", "hours"] as const) {
      const [expectedFollowUps, actualFollowUps] = await Promise.all([recountFollowUps(tenant, unit), followUpRollup(tenant, unit)]);
      covers("follow-ups contacted in time", [...expectedFollowUps.keys()].some((name) => name.endsWith("|slaMet")));
      covers("closed follow-ups", [...expectedFollowUps.keys()].some((name) => /\|(resolved|notResolved|unreachable)$/.test(name)));
      covers("follow-ups of a segment", [...expectedFollowUps.keys()].some((name) => name.startsWith("segment|Gold|")));
      covers("online follow-ups", [...expectedFollowUps.keys()].some((name) => name.startsWith("channel|online|")));
      // By hours: every follow-up counts there, contacted or not.
      if (unit === "hours") covers("follow-ups of a region", [...expectedFollowUps.keys()].some((name) => name.startsWith("region|")));
      expect(Object.fromEntries(actualFollowUps), `follow-ups by ${unit}, seed ${seed}`).toEqual(Object.fromEntries(expectedFollowUps));
    }

    const [expectedCauses, actualCauses] = await Promise.all([recountCauses(tenant), causeRollup(tenant)]);
    covers("root causes", expectedCauses.size > 0);
    expect(Object.fromEntries(actualCauses.counts), `root causes, seed ${seed}`).toEqual(Object.fromEntries(expectedCauses));
    expect(actualCauses.emptyRows).toBe(0);
  });

  it("gives the dashboard the same counts as raw rows for ranges read as years, months, weeks and days", async () => {
    const { tenant, admin } = mixed;
    // A region of one new store beside those left from the mix, so that a view of it leaves stores out.
    const east = await db.region.create({ data: { ...tenant, name: "East" } });
    const eastStore = await createTestStore(tenant, "East 1");
    await db.store.update({ where: { id: eastStore.id }, data: { regionId: east.id } });
    for (const [day, score] of [["2025-12-20", 9], ["2026-01-10", 3], ["2026-01-15", 10], ["2026-02-03", 7]] as const) {
      const send = await sendTestSurvey(tenant, { storeId: eastStore.id });
      const at = new Date(`${day}T12:00:00Z`);
      await db.surveySend.update({ where: { id: send.id }, data: { sentAt: at } });
      await recordScore(send.token, score, at);
    }
    expect(await db.response.count({ where: { ...tenant, storeId: { not: eastStore.id } } })).toBeGreaterThan(0);
    const ranges = [["2025-12-10", "2026-02-05"], ["2025-11-01", "2026-03-31"], ["2026-01-01", "2026-01-31"], ["2026-01-07", "2026-01-20"], ["2025-12-31", "2025-12-31"], ["2026-02-02", "2026-03-05"]];
    for (const [from, to] of ranges) {
      const dashboard = await getDashboard(admin, await filtersFor(admin, { from, to }));
      const range = { gte: new Date(`${from}T00:00:00Z`), lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) };
      const scores = await db.response.groupBy({ by: ["score"], where: { ...tenant, respondedAt: range }, _count: { _all: true } });
      const expected = Array.from({ length: 11 }, (_, score) => scores.find((row) => row.score === score)?._count._all ?? 0);
      expect(dashboard.distribution, `${from} to ${to}`).toEqual(expected);
      expect(dashboard.sent, `${from} to ${to}`).toBe(await db.surveySend.count({ where: { ...tenant, sentAt: range } }));
      // The period before, read from the same rows with weights of its own (a month may count in one, its days in the other).
      const before = { gte: new Date(2 * range.gte.getTime() - range.lt.getTime()), lt: range.gte };
      expect(dashboard.previousFigure?.responses, `before ${from}`).toBe(await db.response.count({ where: { ...tenant, respondedAt: before } }));
      // The store leaderboard: from per-store totals without a filter, from FeedbackRollup with one.
      for (const segment of [undefined, "Gold"]) {
        const { stores } = await getDashboard(admin, await filtersFor(admin, { from, to, ...(segment && { segment }) }));
        const perStore = await db.response.groupBy({
          by: ["storeId"],
          where: { ...tenant, respondedAt: range, storeId: { not: null }, ...(segment && { segment }) },
          _count: { _all: true },
        });
        const board = Object.fromEntries(stores.filter((store) => store.figure.responses > 0).map((store) => [store.key, store.figure.responses]));
        expect(board, `stores ${from} to ${to}, segment ${segment}`).toEqual(Object.fromEntries(perStore.map((row) => [row.storeId, row._count._all])));
      }
      // A view limited to stores (a region): totals, trend and stores from the per-store rows, breakdowns from
      // FeedbackRollup's; with a segment filter, per-store rows of that segment.
      const region = await db.region.findUniqueOrThrow({ where: { id: east.id }, include: { stores: true } });
      const ofRegion = { ...tenant, storeId: { in: region.stores.map((store) => store.id) } };
      for (const segment of [undefined, "Gold"]) {
        const view = await getDashboard(admin, await filtersFor(admin, { from, to, region: region.id, trend: "week", ...(segment && { segment }) }));
        const where = { ...ofRegion, ...(segment && { segment }) };
        const what = `region ${from} to ${to}, segment ${segment}`;
        const responses = await db.response.count({ where: { ...where, respondedAt: range } });
        expect(view.figure.responses, what).toBe(responses);
        expect(view.previousFigure?.responses, what).toBe(await db.response.count({ where: { ...where, respondedAt: before } }));
        expect(view.sent, what).toBe(await db.surveySend.count({ where: { ...where, sentAt: range } }));
        expect(view.trend.reduce((sum, point) => sum + point.figure.responses, 0), what).toBe(responses);
        expect(view.stores.reduce((sum, store) => sum + store.figure.responses, 0), what).toBe(responses);
        const bySegment = await db.response.groupBy({ by: ["segment"], where: { ...where, respondedAt: range }, _count: { _all: true } });
        const segments = Object.fromEntries(view.segments.filter((row) => row.figure.responses > 0).map((row) => [row.key, row.figure.responses]));
        expect(segments, what).toEqual(Object.fromEntries(bySegment.map((row) => [row.segment ?? "", row._count._all])));
      }
      for (const trend of ["week", "month"]) {
        const { trend: points } = await getDashboard(admin, await filtersFor(admin, { from, to, trend }));
        expect(points.reduce((sum, point) => sum + point.figure.responses, 0), `${trend}ly trend ${from} to ${to}`).toBe(dashboard.figure.responses);
        const months = new Set(points.map((point) => point.period.slice(0, 7)));
        if (trend === "month") expect(points.every((point) => point.period.endsWith("-01")) && months.size === points.length).toBe(true);
      }
    }
  });

  it("counts a bulk insert (the seeds' createMany) like single clicks", async () => {
    const { tenant } = await createTenant("Bulk Shop");
    const store = await createTestStore(tenant, "Bulk");
    const send = await sendTestSurvey(tenant, { storeId: store.id });
    await db.response.createMany({
      data: [
        {
          organizationId: tenant.organizationId, surveySendId: send.id, surveyId: send.surveyId, contactId: send.contactId,
          storeId: store.id, channel: "store", score: 9, category: "promoter", locale: "en",
          respondedAt: new Date("2026-02-03T10:00:00Z"), updatedAt: new Date(),
        },
      ],
    });

    const row = await db.feedbackRollup.findFirstOrThrow({
      where: { organizationId: tenant.organizationId, grain: "day", periodStart: new Date("2026-02-03T00:00:00Z") },
    });
    expect(row).toMatchObject({ storeId: store.id, score9: 1, sent: 0 });
  });

  it("counts follow-ups inserted already contacted and with a root cause (the demo seed's) in every follow-up rollup", async () => {
    const { tenant } = await createTenant("Seeded Follow-ups");
    const store = await createTestStore(tenant, "Seeded");
    const send = await sendTestSurvey(tenant, { storeId: store.id });
    const response = await recordScore(send.token, 2, new Date("2026-02-03T10:00:00Z"));
    await db.followUp.deleteMany({ where: { responseId: response.id } });
    const [cause] = await listRootCauses(tenant);
    const createdAt = new Date("2026-02-03T10:00:00Z");
    await db.followUp.createMany({
      data: [
        {
          organizationId: tenant.organizationId, responseId: response.id, storeId: store.id, createdAt, dueAt: new Date("2026-02-04T10:00:00Z"),
          contactedAt: new Date("2026-02-03T12:30:00Z"), status: "closed", outcome: "resolved", rootCauseId: cause.id,
        },
      ],
    });

    const day = { organizationId: tenant.organizationId, filter: "", value: "", grain: "day" as const, periodStart: new Date("2026-02-03T00:00:00Z") };
    const minutes = await db.followUpRollup.findMany({ where: day });
    expect(minutes.map(({ minutesToFirstContact, opened, slaMet, resolved }) => ({ minutesToFirstContact, opened, slaMet, resolved }))).toEqual([
      { minutesToFirstContact: 150, opened: 1, slaMet: 1, resolved: 1 },
    ]);
    expect(await db.followUpHourRollup.findMany({ where: day, select: { hoursToFirstContact: true, opened: true } })).toEqual([{ hoursToFirstContact: 2, opened: 1 }]);
    expect(await db.rootCauseRollup.findMany({ where: day, select: { rootCauseId: true, followUps: true } })).toEqual([{ rootCauseId: cause.id, followUps: 1 }]);
  });

  it("disappears with its tenant", async () => {
    const { tenant, organization } = await createTenant("Gone Shop");
    await recordScore((await sendTestSurvey(tenant)).token, 4);
    expect(await db.feedbackRollup.count({ where: { organizationId: tenant.organizationId } })).toBeGreaterThan(0);

    await db.organization.delete({ where: { id: organization.id } });

    expect(await db.feedbackRollup.count({ where: { organizationId: tenant.organizationId } })).toBe(0);
  });
});
