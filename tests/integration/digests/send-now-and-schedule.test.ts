import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { db } from "@/lib/db/client";
import { weekFromKey } from "@/lib/digests/digest-week";
import { sendDigestNow, sendStoreDigest, storeDigestEmail } from "@/lib/digests/send-digests";
import { getStoreDigest } from "@/lib/digests/store-digest";
import { enqueue } from "@/lib/queue/enqueue";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { listScheduledJobs } from "@/lib/worker/scheduled-jobs";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { respond } from "../responses/respond";

const smtp = smtpSinkForThisFile();
const WEEK = "2026-11-16";

async function storeWithManager() {
  const { tenant } = await createTenant("Send Now Shop");
  const store = await createTestStore(tenant, "Harbour Road");
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const cx = await createMember(tenant, "cx_manager");
  await respond(tenant, 9, { storeId: store.id, at: new Date("2026-11-17T09:00:00Z") });
  const email = (await db.user.findUniqueOrThrow({ where: { id: manager.userId } })).email;
  return { tenant, store, cx, email };
}

describe("the weekly digest on demand", () => {
  it("is sent now by a CX manager even after Monday's went out, once per click, and is in the audit log", async () => {
    const { tenant, store, cx, email } = await storeWithManager();
    expect(await sendStoreDigest(tenant, store.id, WEEK)).toEqual({ sent: 1 });

    const click = new Date("2026-11-25T10:00:10Z");
    expect(await sendDigestNow(cx, store.id, WEEK, click)).toEqual({ sent: 1 });
    expect(await sendDigestNow(cx, store.id, WEEK, new Date("2026-11-25T10:00:40Z"))).toEqual({ sent: 0 }); // the same click, twice

    const mails = await smtp.waitFor(email, 2);
    expect(mails.map((mail) => mail.subject)).toEqual(["Weekly NPS for Harbour Road: NPS 100 (n = 1)", "Weekly NPS for Harbour Road: NPS 100 (n = 1)"]);
    const { events } = await listAuditEvents(tenant, { action: "digest_sent_now" });
    expect(events.map((e) => [e.actorId, e.subject, e.detail])).toEqual([
      [cx.userId, store.id, { week: WEEK, recipients: 0 }],
      [cx.userId, store.id, { week: WEEK, recipients: 1 }],
    ]);
  });

  it("is not sent for another tenant's store", async () => {
    const { store } = await storeWithManager();
    const other = await createTenant("Other");
    await expect(sendDigestNow(other.admin, store.id, WEEK)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("can be previewed as the very email the managers get", async () => {
    const { tenant, store } = await storeWithManager();
    const digest = (await getStoreDigest(tenant, store.id, weekFromKey(WEEK, "UTC")))!;
    const email = await storeDigestEmail(digest, "en");
    expect(email.subject).toBe("Weekly NPS for Harbour Road: NPS 100 (n = 1)");
    expect(email.html).toContain("Harbour Road");
    expect(email.html).toContain(`/digest/${store.id}?week=${WEEK}`);
  });
});

describe("the scheduled jobs", () => {
  it("show the weekly digests' next run and the tenant's reminders waiting, with the soonest, and no other tenant's", async () => {
    const { tenant } = await createTenant();
    const other = await createTenant();
    const now = new Date("2030-01-02T12:00:00Z"); // a Wednesday
    const reminder = (at: string, organizationId: string) => ({ kind: "surveyReminder" as const, organizationId, at: new Date(at) });
    for (const job of [reminder("2030-01-05T09:00:00Z", tenant.organizationId), reminder("2030-01-04T09:00:00Z", tenant.organizationId), reminder("2030-01-03T09:00:00Z", other.tenant.organizationId)]) {
      await enqueue(db, job.kind, { organizationId: job.organizationId, surveySendId: `send-${job.at.getTime()}` }, { startAfter: job.at });
    }

    const { recurring, waiting } = await listScheduledJobs(tenant, now);
    expect(recurring.find((job) => job.name === "weekly-digests")?.nextRun).toEqual(new Date("2030-01-07T06:00:00Z"));
    expect(recurring.find((job) => job.name === "sweep")?.nextRun).toEqual(new Date("2030-01-02T12:01:00Z"));
    expect(waiting).toEqual([{ name: "survey-reminder", count: 2, nextRun: new Date("2030-01-04T09:00:00Z") }]);
  });
});
