import { describe, expect, it } from "vitest";
import { escalateFollowUp } from "@/lib/alerts/escalate";
import { db } from "@/lib/db/client";
import { logCallAttempt, markContacted } from "@/lib/followups/followups";
import { sweepDueWork } from "@/lib/worker/sweep-due-work";
import { createRegion } from "@/lib/stores/stores";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { detractorFollowUp, hoursFrom, respond } from "../responses/respond";

const T = new Date("2026-11-17T08:00:00Z"); // a Tuesday, 09:00 in Berlin

const smtp = smtpSinkForThisFile();

const emailOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;

async function regionalChain() {
  const { tenant, admin } = await createTenant("SLA Chain");
  const region = await createRegion(tenant, { name: "North" });
  const store = await createTestStore(tenant, "Harbour Road");
  await db.store.update({ where: { id: store.id }, data: { regionId: region.id } });
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const regional = await createMember(tenant, "cx_manager");
  const regionalMembership = await db.membership.findFirstOrThrow({ where: { ...tenant, userId: regional.userId } });
  await db.region.update({ where: { id: region.id }, data: { managerId: regionalMembership.id } });
  const hq = await createMember(tenant, "cx_manager");
  return { tenant, admin, store, manager, regional, hq };
}

describe("the follow-up's due time", () => {
  it("is the survey's call-back time after the response, unless the store overrides it", async () => {
    const { tenant, store } = await regionalChain();
    await db.survey.updateMany({ where: tenant, data: { followUpSlaHours: 24 } });

    const bySurvey = await detractorFollowUp(tenant, { storeId: store.id, at: T });
    await db.store.update({ where: { id: store.id }, data: { followUpSlaHours: 2 } });
    const byStore = await detractorFollowUp(tenant, { storeId: store.id, at: T });

    expect(bySurvey.dueAt).toEqual(hoursFrom(T, 24));
    expect(byStore.dueAt).toEqual(hoursFrom(T, 2));
  });

  it("counts only the store's business hours in its time zone", async () => {
    const { tenant, store } = await regionalChain();
    await db.store.update({
      where: { id: store.id },
      data: { followUpSlaHours: 2, timeZone: "Europe/Berlin", opensAt: 9 * 60, closesAt: 18 * 60, openDays: "123456" },
    });
    // Tuesday 17:00 in Berlin: one hour today, one tomorrow from 09:00.
    const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: new Date("2026-11-17T16:00:00Z") });

    expect(followUp.dueAt).toEqual(new Date("2026-11-18T09:00:00Z"));
  });

  it("gives passives a lower-priority follow-up, due later, only when the survey says so", async () => {
    const { tenant, store } = await regionalChain();
    expect((await respond(tenant, 7, { storeId: store.id, at: T })).followUp).toBeNull();

    await db.survey.updateMany({ where: tenant, data: { passiveFollowUps: true, passiveSlaHours: 72 } });
    const { followUp } = await respond(tenant, 8, { storeId: store.id, at: T });

    expect(followUp).toMatchObject({ status: "open", dueAt: hoursFrom(T, 72) });
  });
});

describe("escalation of an overdue follow-up", () => {
  it("emails the region's manager once, when it becomes overdue, and records it on the item", async () => {
    const { tenant, store, regional, hq, manager } = await regionalChain();
    const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: T });

    expect(await escalateFollowUp(tenant, followUp.id, hoursFrom(T, 23))).toEqual({ sent: 0 });
    expect(await escalateFollowUp(tenant, followUp.id, hoursFrom(T, 25))).toEqual({ sent: 1 });
    expect(await escalateFollowUp(tenant, followUp.id, hoursFrom(T, 26))).toEqual({ sent: 0 });

    const [mail] = await smtp.waitFor(await emailOf(regional.userId));
    expect(mail!.subject).toMatch(/^Overdue call-back: Casey Customer \(2\/10\) at Harbour Road$/);
    expect(mail!.text).toContain("(1 hour ago)");
    expect(smtp.to(await emailOf(hq.userId))).toEqual([]);
    expect(smtp.to(await emailOf(manager.userId))).toEqual([]);
    const events = await db.followUpEvent.findMany({ where: { followUpId: followUp.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.createdAt])).toEqual([
      ["opened", T],
      ["escalated", hoursFrom(T, 25)],
    ]);
    expect(await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ escalatedAt: hoursFrom(T, 25) });
  });

  it("goes to the CX managers when the store has no region manager, and never for a customer already reached", async () => {
    const { tenant, admin } = await createTenant("No Regions");
    const store = await createTestStore(tenant);
    const cx = await createMember(tenant, "cx_manager");
    const overdue = await detractorFollowUp(tenant, { storeId: store.id, at: T });
    const reached = await detractorFollowUp(tenant, { storeId: store.id, at: T });
    await markContacted(admin, reached.id, hoursFrom(T, 1));
    const triedOnly = await detractorFollowUp(tenant, { storeId: store.id, at: T });
    await logCallAttempt(admin, triedOnly.id, hoursFrom(T, 1));

    await escalateFollowUp(tenant, overdue.id, hoursFrom(T, 30));
    expect(await escalateFollowUp(tenant, reached.id, hoursFrom(T, 30))).toEqual({ sent: 0 });
    await escalateFollowUp(tenant, triedOnly.id, hoursFrom(T, 30));

    const mails = await smtp.waitFor(await emailOf(cx.userId), 2);
    expect(mails.map((m) => m.text)).toEqual([expect.stringContaining("Call attempts: 0"), expect.stringContaining("Call attempts: 1")]);
  });

  it("is queued for the due time when the follow-up opens, and the sweep re-queues what is overdue and not escalated", async () => {
    const { tenant, store } = await regionalChain();
    const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: T });

    const jobs = await queuedJobs("follow-up-escalation", "followUpId", followUp.id);
    expect(jobs.map((job) => job.start_after)).toEqual([hoursFrom(T, 24)]);

    const swept = await sweepDueWork(hoursFrom(T, 25));
    expect(swept.escalations).toBeGreaterThanOrEqual(1);
    expect(await queuedJobs("follow-up-escalation", "followUpId", followUp.id)).toHaveLength(2);
  });

  it("escalates a follow-up overdue for 30 days, once: the sweep has no look-back limit for escalations", async () => {
    const { tenant, store, regional } = await regionalChain();
    const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: hoursFrom(T, -31 * 24) });
    expect(followUp.dueAt).toEqual(hoursFrom(T, -30 * 24));

    await sweepDueWork(T);
    const swept = await queuedJobs("follow-up-escalation", "followUpId", followUp.id);
    expect(swept).toHaveLength(2);
    expect(await escalateFollowUp(tenant, followUp.id, T)).toEqual({ sent: 1 });
    const [mail] = await smtp.waitFor(await emailOf(regional.userId));
    expect(mail!.text).toContain("Due: Sun 18 Oct, 08:00 UTC (4 weeks ago)");

    await sweepDueWork(hoursFrom(T, 2));
    expect(await queuedJobs("follow-up-escalation", "followUpId", followUp.id)).toHaveLength(2);
    expect(await escalateFollowUp(tenant, followUp.id, hoursFrom(T, 2))).toEqual({ sent: 0 });
  });
});

describe("time to first contact", () => {
  it("is the time from opening to the first contact, kept when contacted again", async () => {
    const { tenant, manager, store } = await regionalChain();
    const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: T });

    await markContacted(manager, followUp.id, hoursFrom(T, 0.25));
    const stored = await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } });

    expect(stored.contactedAt!.getTime() - stored.createdAt.getTime()).toBe(15 * 60_000);
  });
});
