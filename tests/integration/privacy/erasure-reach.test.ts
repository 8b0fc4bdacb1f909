import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { deliverFollowUpAlert } from "@/lib/alerts/deliver-alert";
import { escalateFollowUp } from "@/lib/alerts/escalate";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { db } from "@/lib/db/client";
import { listQueue } from "@/lib/followups/followups";
import { eraseContact } from "@/lib/privacy/erase-contact";
import { sendResurvey } from "@/lib/resurveys/send-resurvey";
import { deliverSend } from "@/lib/sending/deliver-send";
import { sendSurveyReminder } from "@/lib/sending/reminder";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { createTenant } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { customerInEveryState } from "./customer-in-every-state";

const WAITING = ["created", "retry", "failed"];

/** Jobs about `id` that could still run (or be retried from the jobs page). */
async function actionableJobs(queue: string, field: string, id: string) {
  return (await queuedJobs(queue, field, id)).filter((job) => WAITING.includes(job.state));
}

describe("erasing a contact", () => {
  it("leaves nothing of theirs actionable: queue, alerts, pending sends, reminders, re-surveys, webhook retries", async () => {
    const c = await customerInEveryState();
    // Each place holds something of theirs before the erasure, so the checks below can fail.
    expect(c.pending.status).toBe("queued");
    expect(await actionableJobs("survey-send", "surveySendId", c.pending.id)).not.toEqual([]);
    expect(await actionableJobs("survey-reminder", "surveySendId", c.reminded.id)).not.toEqual([]);
    expect(await actionableJobs("follow-up-alert", "responseId", c.detractor.id)).not.toEqual([]);
    expect(await actionableJobs("follow-up-escalation", "followUpId", c.open.id)).not.toEqual([]);
    expect(await actionableJobs("resurvey", "resurveyId", c.resurvey.id)).not.toEqual([]);
    expect(c.deliveries.length).toBeGreaterThan(0);
    expect((await listQueue(c.admin)).open.map((f) => f.id)).toContain(c.open.id);
    expect(await db.outboxMessage.count({ where: { to: c.email } })).toBeGreaterThan(0);

    await eraseContact(c.admin, c.contactId);

    // The store's queue: the open follow-up is closed (no outcome, the trail says why), so no Email button.
    expect((await listQueue(c.admin)).open.map((f) => f.id)).not.toContain(c.open.id);
    const followUp = await db.followUp.findUniqueOrThrow({ where: { id: c.open.id }, include: { events: true } });
    expect(followUp).toMatchObject({ status: "closed", outcome: null });
    expect(followUp.events.map((e) => [e.type, e.detail])).toContainEqual(["closed", "contact erased"]);
    // Pending sends and their jobs.
    expect(await db.surveySend.findUniqueOrThrow({ where: { id: c.pending.id } })).toMatchObject({ status: "suppressed" });
    expect(await actionableJobs("survey-send", "surveySendId", c.pending.id)).toEqual([]);
    // Reminders, alerts, escalations, re-surveys, webhook retries.
    expect(await actionableJobs("survey-reminder", "surveySendId", c.reminded.id)).toEqual([]);
    expect(await actionableJobs("follow-up-alert", "responseId", c.detractor.id)).toEqual([]);
    expect(await actionableJobs("follow-up-escalation", "followUpId", c.open.id)).toEqual([]);
    expect(await actionableJobs("resurvey", "resurveyId", c.resurvey.id)).toEqual([]);
    expect(await db.resurvey.findUnique({ where: { id: c.resurvey.id } })).toBeNull();
    expect(await db.webhookDelivery.count({ where: { ...c.tenant, contactId: c.contactId } })).toBe(0);
    for (const delivery of c.deliveries) {
      expect(await actionableJobs("webhook-delivery", "deliveryId", delivery.id)).toEqual([]);
    }
    // The outbox.
    expect(await db.outboxMessage.count({ where: { to: c.email } })).toBe(0);
    // The audit log says what was stopped.
    const [event] = (await listAuditEvents(c.tenant)).events;
    expect(event).toMatchObject({ action: "contact_erased", subject: c.contactId });
    expect(event!.detail).toMatchObject({ pendingSends: 1, followUpsClosed: 1, resurveysCancelled: 1, webhookDeliveriesRemoved: c.deliveries.length });
  });

  it("sends nothing from a job that runs anyway after the erasure (one already running, say)", async () => {
    const c = await customerInEveryState();
    await eraseContact(c.admin, c.contactId);
    const outboxBefore = await db.outboxMessage.count({ where: c.tenant });

    expect(await deliverSend(c.tenant, c.pending.id)).toBe("skipped");
    expect(await sendSurveyReminder(c.tenant, c.reminded.id)).toEqual({ sent: false });
    expect(await deliverFollowUpAlert(c.tenant, c.detractor.id)).toEqual({ sent: 0 });
    expect(await escalateFollowUp(c.tenant, c.open.id, addDays(new Date(), 3))).toEqual({ sent: 0 });
    expect(await sendResurvey(c.tenant, c.resurvey.id, addDays(new Date(), 60))).toEqual({ sent: false });
    for (const delivery of c.deliveries) expect(await deliverWebhook(c.tenant, delivery.id)).toBe("skipped");
    expect(await db.outboxMessage.count({ where: c.tenant })).toBe(outboxBefore);
  });

  it("is idempotent, and refuses another tenant's contact", async () => {
    const c = await customerInEveryState();
    const other = await createTenant("Erasure Other Shop");
    await expect(eraseContact(other.admin, c.contactId)).rejects.toBeInstanceOf(NotFoundError);
    await eraseContact(c.admin, c.contactId);
    const again = await eraseContact(c.admin, c.contactId);
    expect(again.erasedAt).not.toBeNull();
  });
});
