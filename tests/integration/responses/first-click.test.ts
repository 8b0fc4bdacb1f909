import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { jobSchema } from "@/lib/queue/enqueue";
import { getClickLink, type ClickLink } from "@/lib/responses/click-link";
import { recordFirstClick } from "@/lib/responses/first-click";
import { recordClick } from "@/lib/responses/record-score";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";

// The first click is written in one statement (lib/responses/first-click.ts) instead of through the general path
// (lib/responses/record-score.ts). Both must leave the same rows and jobs behind, whatever the survey says.

const BROWSER = new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0", "accept-language": "en" });
// 20:00 in Berlin on a Monday: the store is closed, so due times roll over to its next opening.
const NOW = new Date("2026-11-30T19:00:00Z");

let tenant: Tenant;
let storeId: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("First Click Shop"));
  storeId = (await createTestStore(tenant)).id;
  await db.store.update({ where: { id: storeId }, data: { timeZone: "Europe/Berlin", opensAt: 9 * 60, closesAt: 18 * 60, openDays: "123456", followUpSlaHours: 4 } });
});

async function freshLink(): Promise<ClickLink> {
  const send = await sendTestSurvey(tenant, { storeId });
  return getClickLink(send.token);
}

/** What a click left behind for its email, with the ids that differ between two emails left out. */
async function trail(surveySendId: string) {
  const response = await db.response.findUniqueOrThrow({
    where: { surveySendId },
    include: { followUp: { include: { events: true } }, holdoutAssignment: true, resurvey: true },
  });
  const clicks = await db.scoreClick.findMany({ where: { surveySendId } });
  const ids = [response.id, response.followUp?.id, response.resurvey?.id].filter(Boolean);
  const jobs = await db.$queryRawUnsafe<{ name: string; start_after: Date; retry_limit: number; expire_in: string }[]>(
    `SELECT name, start_after, retry_limit, expire_in::text FROM ${jobSchema()}.job
      WHERE data->>'responseId' = ANY($1) OR data->>'followUpId' = ANY($1) OR data->>'resurveyId' = ANY($1) ORDER BY name`,
    ids,
  );
  return {
    response: { score: response.score, category: response.category, storeId: response.storeId, channel: response.channel, respondedAt: response.respondedAt, segment: response.segment },
    clicks: clicks.map((click) => ({ score: click.score, verdict: click.verdict, userAgent: click.userAgent, createdAt: click.createdAt })),
    followUp: response.followUp && {
      status: response.followUp.status,
      dueAt: response.followUp.dueAt,
      storeId: response.followUp.storeId,
      events: response.followUp.events.map((event) => [event.type, event.actorId, event.createdAt]),
    },
    holdout: response.holdoutAssignment && { group: response.holdoutAssignment.group, holdoutPercent: response.holdoutAssignment.holdoutPercent },
    resurvey: response.resurvey && { group: response.resurvey.group, dueAt: response.resurvey.dueAt },
    // A job queued to run at once starts at the database's now(), which differs between two clicks.
    jobs: jobs.map((job) => ({ ...job, start_after: Math.abs(job.start_after.getTime() - Date.now()) < 60_000 ? "at once" : job.start_after })),
  };
}

type Settings = { holdoutPercent: number; passiveFollowUps: boolean; alertPassives: boolean; isResurveyAnswer?: boolean };

describe("the first click on an email, written in one statement", () => {
  it.each<[string, number, Settings, { followUp: boolean; jobs: number }]>([
    ["a contacted detractor: follow-up, alert and escalation", 3, { holdoutPercent: 0, passiveFollowUps: false, alertPassives: false }, { followUp: true, jobs: 2 }],
    ["a holdout detractor: the draw and the re-survey, no follow-up", 0, { holdoutPercent: 100, passiveFollowUps: false, alertPassives: false }, { followUp: false, jobs: 1 }],
    ["a re-survey's detractor answer: never drawn", 5, { holdoutPercent: 100, passiveFollowUps: false, alertPassives: false, isResurveyAnswer: true }, { followUp: true, jobs: 2 }],
    ["a passive followed up and alerted", 7, { holdoutPercent: 0, passiveFollowUps: true, alertPassives: true }, { followUp: true, jobs: 1 }],
    ["a passive only alerted", 8, { holdoutPercent: 0, passiveFollowUps: false, alertPassives: true }, { followUp: false, jobs: 1 }],
    ["a promoter", 10, { holdoutPercent: 0, passiveFollowUps: true, alertPassives: true }, { followUp: false, jobs: 0 }],
  ])("leaves what the general path leaves: %s", async (_, score, { isResurveyAnswer = false, ...settings }, expected) => {
    // The settings as the click reads them with its link (a 100% holdout, beyond the 50% a survey may ask, makes
    // the draw certain).
    const withSettings = (link: ClickLink) => ({ ...link, isResurveyAnswer, survey: { ...link.survey, ...settings } });
    const fast = withSettings(await freshLink());
    const general = withSettings(await freshLink());

    expect(await recordFirstClick(fast, score, BROWSER.get("user-agent"), NOW)).toBe(true);
    // A link read as if the email had a response goes the general way: lock, scanner guard, openLoop.
    expect(await recordClick({ ...general, hasResponse: true }, score, BROWSER, NOW)).toBe("recorded");

    const written = await trail(fast.id);
    expect(written).toEqual(await trail(general.id));
    expect(written.clicks).toHaveLength(1);
    expect({ followUp: written.followUp !== null, jobs: written.jobs.length }).toEqual(expected);
  });

  it("a detractor's follow-up is due in the store's business hours, and its jobs are queued", async () => {
    const link = await freshLink();
    await recordFirstClick(link, 2, "Mozilla/5.0", NOW);

    const written = await trail(link.id);
    // Closed at 20:00 on Monday; opens 09:00 on Tuesday (08:00 UTC); 4 hours later.
    expect(written.followUp?.dueAt).toEqual(new Date("2026-12-01T12:00:00Z"));
    expect(written.jobs.map((job) => [job.name, job.start_after])).toEqual([
      ["follow-up-alert", "at once"],
      ["follow-up-escalation", new Date("2026-12-01T12:00:00Z")],
    ]);
  });

  it("writes nothing when the email was clicked within the scanner guard's window", async () => {
    const link = await freshLink();
    await db.scoreClick.create({ data: { organizationId: tenant.organizationId, surveySendId: link.id, score: 4, verdict: "held_burst", createdAt: new Date(NOW.getTime() - 5_000) } });

    expect(await recordFirstClick(link, 9, "Mozilla/5.0", NOW)).toBe(false);
    expect(await db.response.count({ where: { surveySendId: link.id } })).toBe(0);
    expect(await db.scoreClick.count({ where: { surveySendId: link.id } })).toBe(1);
  });

  it("leaves an email that has a response to the general path", async () => {
    const link = await freshLink();
    expect(await recordFirstClick(link, 9, null, NOW)).toBe(true);
    expect(await recordFirstClick(await getClickLink(link.token), 3, null, NOW)).toBe(false);
    expect(await db.response.findUniqueOrThrow({ where: { surveySendId: link.id } })).toMatchObject({ score: 9 });
  });

  it("lets one of two simultaneous first clicks win and writes nothing for the other", async () => {
    const link = await freshLink();
    const results = await Promise.all([recordFirstClick(link, 1, null, NOW), recordFirstClick(link, 2, null, NOW)]);

    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.response.count({ where: { surveySendId: link.id } })).toBe(1);
    expect(await db.followUp.count({ where: { response: { surveySendId: link.id } } })).toBe(1);
    expect(await db.scoreClick.count({ where: { surveySendId: link.id } })).toBe(1);
  });

  it("leaves a tenant whose webhooks listen to new responses to the general path, which builds their events", async () => {
    const link = await freshLink();
    const listening = { ...link, webhookEndpoints: [{ id: "endpoint", events: ["response.created"] }] };
    const elsewhere = { ...link, webhookEndpoints: [{ id: "endpoint", events: ["followup.closed"] }] };

    expect(await recordFirstClick(listening, 9, null, NOW)).toBe(false);
    expect(await recordFirstClick(elsewhere, 9, null, NOW)).toBe(true);
  });
});
