import { addDays, addHours } from "date-fns";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/followups/followups";
import { getExperimentResults } from "@/lib/experiments/results";
import { recordScore } from "@/lib/responses/record-score";
import { sendResurvey } from "@/lib/resurveys/send-resurvey";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { respond } from "../responses/respond";

const T = new Date("2026-10-05T10:00:00Z");

async function experimentShop(holdoutPercent: number) {
  const { tenant, admin } = await createTenant("Experiment Shop");
  await db.survey.updateMany({ where: tenant, data: { holdoutPercent, resurveyAfterDays: 10, followUpSlaHours: 24 } });
  return { tenant, admin };
}

const assignmentOf = (responseId: string) => db.holdoutAssignment.findUnique({ where: { responseId } });

/** `count` customers of the shop answering `score`, one after another. */
async function detractors(tenant: Tenant, count: number, score: number) {
  const all = [];
  for (let i = 0; i < count; i++) all.push(await respond(tenant, score, { at: T }));
  return all;
}

describe("the holdout experiment", () => {
  it("records each detractor's group once and never changes it, whatever the score or share does later", async () => {
    const { tenant } = await experimentShop(50);
    const drawn = await detractors(tenant, 12, 3);
    const before = await Promise.all(drawn.map(({ response }) => assignmentOf(response.id)));

    await db.survey.updateMany({ where: tenant, data: { holdoutPercent: 0 } });
    for (const { send } of drawn) {
      await recordScore(send.token, 8, addHours(T, 1));
      await recordScore(send.token, 1, addHours(T, 2));
    }

    const after = await Promise.all(drawn.map(({ response }) => assignmentOf(response.id)));
    expect(after).toEqual(before);
    expect(before.every((a) => a !== null && a.holdoutPercent === 50)).toBe(true);
  });

  it("opens no follow-up and alerts nobody for a holdout detractor, but plans the same re-survey at the same delay", async () => {
    const { tenant } = await experimentShop(50);
    const all = await detractors(tenant, 16, 2);
    const groups = await Promise.all(all.map(async (r) => ({ ...r, group: (await assignmentOf(r.response.id))!.group })));
    const holdout = groups.find((r) => r.group === "holdout")!;
    const contacted = groups.find((r) => r.group === "contacted")!;
    expect(holdout && contacted).toBeTruthy();

    expect(holdout.followUp).toBeNull();
    expect(contacted.followUp).not.toBeNull();
    expect(await queuedJobs("follow-up-alert", "responseId", holdout.response.id)).toEqual([]);
    // As if the follow-up had been closed at its due time (24 h), then the survey's 10 days.
    expect(await db.resurvey.findUnique({ where: { responseId: holdout.response.id } })).toMatchObject({
      group: "holdout",
      dueAt: addDays(addHours(T, 24), 10),
    });
  });

  it("reports recovery of contacted versus holdout detractors with sample sizes and the difference's interval", async () => {
    const { tenant, admin } = await experimentShop(50);
    const all = await detractors(tenant, 20, 3);
    const withGroups = await Promise.all(all.map(async (r) => ({ ...r, group: (await assignmentOf(r.response.id))!.group })));
    const later = addDays(T, 40);
    // Every contacted detractor is closed and answers 9; every holdout answers 2 (lower than before).
    for (const r of withGroups) {
      if (r.followUp) await closeFollowUp(admin, r.followUp.id, { outcome: "resolved", body: null }, addHours(T, 1));
      const resurvey = await db.resurvey.findUniqueOrThrow({ where: { responseId: r.response.id } });
      await sendResurvey(tenant, resurvey.id, later);
      const { surveySend } = await db.resurvey.findUniqueOrThrow({ where: { id: resurvey.id }, include: { surveySend: true } });
      await recordScore(surveySend!.token, r.group === "contacted" ? 9 : 2, addHours(later, 1));
    }
    const contactedCount = withGroups.filter((r) => r.group === "contacted").length;

    const results = await getExperimentResults(tenant);

    expect(results.contacted).toMatchObject({ assigned: contactedCount, resurveyed: contactedCount, answered: contactedCount, higher: contactedCount, higherRate: 1 });
    expect(results.holdout).toMatchObject({ assigned: 20 - contactedCount, answered: 20 - contactedCount, higher: 0, movedUp: 0, higherRate: 0 });
    expect(results.higherDifference!.difference).toBe(1);
    expect(results.higherDifference!.significant).toBe(true);
  });

  it("says nothing yet while a group has no answers, and shows no other tenant's detractors", async () => {
    const { tenant } = await experimentShop(50);
    await respond(tenant, 1, { at: T });
    const { tenant: empty } = await experimentShop(50);

    expect((await getExperimentResults(tenant)).higherDifference).toBeNull();
    expect((await getExperimentResults(empty as Tenant)).contacted.assigned + (await getExperimentResults(empty)).holdout.assigned).toBe(0);
  });
});
