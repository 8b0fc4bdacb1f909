import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { weekFromKey } from "@/lib/digests/digest-week";
import { enqueueWeeklyDigests, sendStoreDigest } from "@/lib/digests/send-digests";
import { getStoreDigest } from "@/lib/digests/store-digest";
import { closeFollowUp, markContacted } from "@/lib/followups/followups";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { hoursFrom, respond } from "../responses/respond";

const BERLIN = "Europe/Berlin";
// The week of Monday 16 November 2026 in Berlin: 2026-11-15T23:00Z … 2026-11-22T23:00Z.
const WEEK = weekFromKey("2026-11-16", BERLIN);

const smtp = smtpSinkForThisFile();

async function berlinStore() {
  const { tenant, admin } = await createTenant("Digest Shop");
  const store = await createTestStore(tenant, "Alexanderplatz");
  await db.store.update({ where: { id: store.id }, data: { timeZone: BERLIN } });
  const manager = await createMember(tenant, "store_manager", [store.id]);
  return { tenant, admin, store, manager };
}

async function withComment(tenant: { organizationId: string }, score: number, storeId: string, at: Date, comment: string) {
  const result = await respond(tenant, score, { storeId, at });
  await db.response.update({ where: { id: result.response.id }, data: { comment } });
  return result;
}

describe("the weekly store digest", () => {
  it("counts the week by the store's clock: Sunday 23:30 is in, Monday 00:30 is the next week", async () => {
    const { tenant, store } = await berlinStore();
    await respond(tenant, 10, { storeId: store.id, at: new Date("2026-11-15T23:30:00Z") }); // Mon 00:30 Berlin: in
    await respond(tenant, 9, { storeId: store.id, at: new Date("2026-11-22T22:30:00Z") }); // Sun 23:30 Berlin: in
    await respond(tenant, 0, { storeId: store.id, at: new Date("2026-11-22T23:30:00Z") }); // next Monday: out
    await respond(tenant, 0, { storeId: store.id, at: new Date("2026-11-15T22:30:00Z") }); // previous Sunday: week before

    const digest = (await getStoreDigest(tenant, store.id, WEEK, new Date("2026-11-23T06:00:00Z")))!;

    expect(digest.thisWeek).toMatchObject({ weekKey: "2026-11-16", summary: { responses: 2, nps: 100 } });
    expect(digest.previousWeeks.map((w) => [w.weekKey, w.summary.responses, w.summary.nps])).toEqual([
      ["2026-11-09", 1, -100],
      ["2026-11-02", 0, null],
      ["2026-10-26", 0, null],
      ["2026-10-19", 0, null],
    ]);
  });

  it("lists the week's comments, praise first, and the follow-up figures", async () => {
    const { tenant, admin, store } = await berlinStore();
    const monday = new Date("2026-11-16T08:00:00Z");
    await withComment(tenant, 10, store.id, monday, "Lovely staff, thank you!");
    const complaint = await withComment(tenant, 2, store.id, monday, "Waited 20 minutes");
    const other = await withComment(tenant, 4, store.id, monday, "Wrong change");
    await markContacted(admin, complaint.followUp!.id, hoursFrom(monday, 1));
    await closeFollowUp(admin, complaint.followUp!.id, { outcome: "resolved", body: null }, hoursFrom(monday, 2));
    await markContacted(admin, other.followUp!.id, hoursFrom(monday, 3));

    const digest = (await getStoreDigest(tenant, store.id, WEEK, new Date("2026-11-23T06:00:00Z")))!;

    expect(digest.comments.map((c) => [c.score, c.comment])).toEqual([
      [10, "Lovely staff, thank you!"],
      [4, "Wrong change"],
      [2, "Waited 20 minutes"],
    ]);
    expect(digest.followUps).toEqual({ opened: 2, closed: 1, resolved: 1, overdueNow: 0, medianHoursToFirstContact: 2 });
  });

  it("is emailed to the store's managers once per week, with a printable link", async () => {
    const { tenant, store, manager } = await berlinStore();
    await withComment(tenant, 9, store.id, new Date("2026-11-17T09:00:00Z"), "Quick and friendly");
    const email = (await db.user.findUniqueOrThrow({ where: { id: manager.userId } })).email;

    expect(await sendStoreDigest(tenant, store.id, "2026-11-16")).toEqual({ sent: 1 });
    expect(await sendStoreDigest(tenant, store.id, "2026-11-16")).toEqual({ sent: 0 });

    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toBe("Weekly NPS for Alexanderplatz: NPS 100 (n = 1)");
    expect(mail!.text).toContain("[9] Quick and friendly");
    expect(mail!.text).toContain(`http://localhost:3000/digest/${store.id}?week=2026-11-16`);
  });

  it("is queued on Monday morning for every store with managers, for the week that just ended", async () => {
    const { store } = await berlinStore();

    await enqueueWeeklyDigests(new Date("2026-11-23T06:00:00Z"));

    const jobs = await queuedJobs("store-digest", "storeId", store.id);
    expect(jobs.map((job) => job.data.weekStart)).toEqual(["2026-11-16"]);
  });

  it("shows nothing of another tenant's store", async () => {
    const { store } = await berlinStore();
    const { tenant: other } = await createTenant("Other");

    expect(await getStoreDigest(other, store.id, WEEK)).toBeNull();
    expect(await sendStoreDigest(other, store.id, "2026-11-16")).toEqual({ sent: 0 });
  });
});
