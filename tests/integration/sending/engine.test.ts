import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/s/[token]/unsubscribe/route";
import { db } from "@/lib/db/client";
import { deliverSend } from "@/lib/sending/deliver-send";
import { requestSurveySend } from "@/lib/sending/request-survey-send";
import { sweepSends } from "@/lib/sending/sweep-sends";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { startSmtpSink } from "./smtp-sink";

// The sending engine over real SMTP: a server on loopback that accepts, refuses (5xx) or defers (4xx) recipients.
const refused = new Map<string, { code: number; message: string }>();
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let tenant: Tenant;

beforeAll(async () => {
  sink = await startSmtpSink({ rejectRecipient: (address) => refused.get(address) ?? null });
  // lib/env.ts reads the environment once: SMTP_URL must be set before the first database call.
  process.env.SMTP_URL = sink.url;
  ({ tenant } = await createTenant("Engine Shop"));
});

afterAll(() => sink.close());

const email = () => `engine-${crypto.randomUUID()}@example.test`;
const queue = async (address: string) => (await requestSurveySend(tenant, { contact: { email: address, name: "Ola <b>", locale: "en" }, storeId: null, surveyId: null })).send;

describe("the sending engine", () => {
  it("sends the survey once over SMTP with the unsubscribe link, RFC 8058 one-click header and a stable Message-ID", async () => {
    const address = email();
    const send = await queue(address);

    expect(await deliverSend(tenant, send.id)).toBe("sent");

    const [mail, ...more] = sink.to(address);
    expect(more).toEqual([]);
    const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <http://localhost:3000/s/${send.token}/unsubscribe>`);
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail!.messageId).toBe(`<survey-${send.id}@localhost>`);
    expect(String(mail!.html)).toContain(`/s/${send.token}/10`);
    expect(String(mail!.html)).toContain("Hi Ola &lt;b&gt;,");
    expect(mail!.text).toContain("Hi Ola <b>,");
    const sent = await db.surveySend.findUniqueOrThrow({ where: { id: send.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 1, statusReason: null });
    expect(sent.sentAt.getTime()).toBeGreaterThanOrEqual(send.createdAt.getTime());
  });

  it("goes out exactly once when two workers run its job at the same time, and a later job does nothing", async () => {
    const address = email();
    const send = await queue(address);

    const results = await Promise.all([deliverSend(tenant, send.id), deliverSend(tenant, send.id), deliverSend(tenant, send.id)]);
    const later = await deliverSend(tenant, send.id);

    expect(results.sort()).toEqual(["sent", "skipped", "skipped"]);
    expect(later).toBe("skipped");
    expect(sink.to(address)).toHaveLength(1);
  });

  it("marks a hard bounce (550 on the recipient) bounced, suppresses the address and refuses the next survey", async () => {
    const address = email();
    refused.set(address, { code: 550, message: "No such user" });
    const send = await queue(address);

    expect(await deliverSend(tenant, send.id)).toBe("bounced");

    expect(await db.surveySend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({ status: "bounced", statusReason: expect.stringContaining("550") });
    expect(await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).toMatchObject({ suppressionReason: "bounced" });
    await db.sendingPolicy.create({ data: { ...tenant, throttleDays: 0 } });
    const next = await queue(address);
    await db.sendingPolicy.delete({ where: { organizationId: tenant.organizationId } });
    expect(next).toMatchObject({ status: "suppressed", statusReason: expect.stringMatching(/^The address bounced on/) });
  });

  it("puts a deferred send (451) back in the queue with a later job, and delivers it when the server takes it", async () => {
    const address = email();
    refused.set(address, { code: 451, message: "Try again later" });
    const send = await queue(address);

    expect(await deliverSend(tenant, send.id)).toBe("retrying");

    const waiting = await db.surveySend.findUniqueOrThrow({ where: { id: send.id } });
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, statusReason: expect.stringContaining("451") });
    const jobs = await queuedJobs("survey-send", "surveySendId", send.id);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.start_after.getTime()).toBeGreaterThan(Date.now());
    refused.delete(address);
    expect(await deliverSend(tenant, send.id)).toBe("sent");
    expect(sink.to(address)).toHaveLength(1);
    expect(await db.surveySend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("never re-sends a send a crashed worker left claimed: the sweep marks it failed as unconfirmed after the lease", async () => {
    const address = email();
    const send = await queue(address);
    const crashedAt = new Date(Date.now() - 11 * 60_000);
    await db.surveySend.update({ where: { id: send.id }, data: { status: "sending", claimedAt: crashedAt, attempts: 1 } });

    expect(await deliverSend(tenant, send.id)).toBe("skipped");
    await sweepSends();

    expect(await db.surveySend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/^Unconfirmed/) });
    expect(sink.to(address)).toEqual([]);
  });

  it("gives a queued send whose job was lost a new job from the sweep", async () => {
    const send = await queue(email());
    await db.surveySend.update({ where: { id: send.id }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });

    await sweepSends();

    expect(await queuedJobs("survey-send", "surveySendId", send.id)).toHaveLength(2);
  });

  it("suppresses at send time a contact who unsubscribed with RFC 8058's one-click POST after it was queued", async () => {
    const address = email();
    const first = await queue(address);
    await deliverSend(tenant, first.id);
    await db.sendingPolicy.create({ data: { ...tenant, throttleDays: 0 } });
    const second = await queue(address);
    await db.sendingPolicy.delete({ where: { organizationId: tenant.organizationId } });

    const oneClick = await unsubscribePost(
      new Request(`http://localhost:3000/s/${first.token}/unsubscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token: first.token }) },
    );

    expect(oneClick.status).toBe(200);
    expect(await deliverSend(tenant, second.id)).toBe("suppressed");
    expect(sink.to(address)).toHaveLength(1);
  });

  it("counts only surveys that went out as sent on the dashboard's rollup", async () => {
    const { tenant: counted } = await createTenant("Counted Engine Shop");
    const sentCount = async () =>
      (await db.feedbackRollup.aggregate({ where: { organizationId: counted.organizationId, grain: "day" }, _sum: { sent: true } }))._sum.sent ?? 0;
    const send = (await requestSurveySend(counted, { contact: { email: email() }, storeId: null, surveyId: null })).send;

    expect(await sentCount()).toBe(0);
    await deliverSend(counted, send.id);
    expect(await sentCount()).toBe(1);
  });
});
