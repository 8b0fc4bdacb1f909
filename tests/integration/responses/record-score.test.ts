import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addNote } from "@/lib/followups/followups";
import { recordScore } from "@/lib/responses/record-score";
import { NotFoundError, type Member, type Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { hoursFrom } from "./respond";

let tenant: Tenant;
let admin: Member;
let storeId: string;

beforeAll(async () => {
  ({ tenant, admin } = await createTenant("Record Score Shop"));
  storeId = (await createTestStore(tenant)).id;
});

async function storeSend() {
  return sendTestSurvey(tenant, { storeId });
}

async function responsesOf(surveySendId: string) {
  return db.response.findMany({ where: { surveySendId }, include: { followUp: true } });
}

describe("recording a score from the survey email", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("a click on %i stores one %s response for the send", async (score, category) => {
    const send = await storeSend();
    await recordScore(send.token, score);

    const [response] = await responsesOf(send.id);
    expect(await responsesOf(send.id)).toHaveLength(1);
    expect(response).toMatchObject({
      organizationId: tenant.organizationId,
      surveyId: send.surveyId,
      contactId: send.contactId,
      storeId,
      channel: "store",
      locale: "en",
      score,
      category,
    });
  });

  it("a second click on another score changes the score instead of adding a response", async () => {
    const send = await storeSend();
    const first = await recordScore(send.token, 7);
    const second = await recordScore(send.token, 10);

    expect(second.id).toBe(first.id);
    const responses = await responsesOf(send.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ score: 10, category: "promoter" });
  });

  it("a detractor response opens a follow-up for its store, due the survey's SLA hours after the click", async () => {
    const { tenant: slaTenant } = await createTenant("Four Hour Shop");
    await db.survey.updateMany({ where: { organizationId: slaTenant.organizationId }, data: { followUpSlaHours: 4 } });
    const slaStore = await createTestStore(slaTenant);
    const send = await sendTestSurvey(slaTenant, { storeId: slaStore.id });
    const respondedAt = new Date("2026-05-04T09:15:00Z");

    const response = await recordScore(send.token, 3, respondedAt);

    const followUp = await db.followUp.findUniqueOrThrow({ where: { responseId: response.id } });
    expect(response.respondedAt).toEqual(respondedAt);
    expect(followUp).toMatchObject({ organizationId: slaTenant.organizationId, storeId: slaStore.id, status: "open" });
    expect(followUp.dueAt).toEqual(hoursFrom(respondedAt, 4));
  });

  it("passive and promoter responses open no follow-up", async () => {
    for (const score of [7, 9]) {
      const send = await storeSend();
      await recordScore(send.token, score);
      expect((await responsesOf(send.id))[0]!.followUp).toBeNull();
    }
  });

  it("changing from detractor to promoter withdraws a follow-up nobody has worked yet", async () => {
    const send = await storeSend();
    await recordScore(send.token, 2);
    expect((await responsesOf(send.id))[0]!.followUp).not.toBeNull();

    await recordScore(send.token, 9);

    expect((await responsesOf(send.id))[0]!.followUp).toBeNull();
  });

  it("changing from detractor to promoter keeps a follow-up that already has notes", async () => {
    const send = await storeSend();
    const response = await recordScore(send.token, 1);
    const followUp = await db.followUp.findUniqueOrThrow({ where: { responseId: response.id } });
    await addNote(admin, followUp.id, { body: "Left a voicemail" });

    await recordScore(send.token, 10);

    expect(await db.followUp.findUnique({ where: { id: followUp.id } })).toMatchObject({ status: "open" });
  });

  it("changing from promoter to detractor opens a follow-up due one SLA after the change", async () => {
    const send = await storeSend();
    const respondedAt = new Date("2026-05-05T10:00:00Z");
    await recordScore(send.token, 9, respondedAt);

    await recordScore(send.token, 4, hoursFrom(respondedAt, 1));

    const [response] = await responsesOf(send.id);
    expect(response).toMatchObject({ score: 4, category: "detractor" });
    expect(response!.followUp).toMatchObject({ storeId, status: "open", dueAt: hoursFrom(respondedAt, 25) });
  });

  it("a second detractor click keeps the one follow-up", async () => {
    const send = await storeSend();
    await recordScore(send.token, 5);
    await recordScore(send.token, 0);

    const [response] = await responsesOf(send.id);
    expect(await db.followUp.count({ where: { responseId: response!.id } })).toBe(1);
  });

  it.each([
    ["two clicks racing on the same email", [3, 9]],
    ["a link scanner opening all eleven buttons at once", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ])("%s leave exactly one response, followed up if it is a detractor", async (_case, scores) => {
    const send = await storeSend();

    await Promise.all(scores.map((score) => recordScore(send.token, score)));

    const responses = await responsesOf(send.id);
    expect(responses).toHaveLength(1);
    expect(scores).toContain(responses[0]!.score);
    expect(responses[0]!.followUp !== null).toBe(responses[0]!.category === "detractor");
  });

  it.each([
    ["an unknown token", "A".repeat(32)],
    ["a malformed token", "not-a-token"],
    ["an empty token", ""],
  ])("%s is not found and records nothing", async (_case, token) => {
    const before = await db.response.count({ where: { organizationId: tenant.organizationId } });
    await expect(recordScore(token, 10)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.response.count({ where: { organizationId: tenant.organizationId } })).toBe(before);
  });
});
