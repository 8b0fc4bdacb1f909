import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { addHours, subHours } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/followups/followups";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createMember, createTenant, sendTestSurvey } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";

// A receiver on loopback that answers with whatever status the test sets, and keeps what it got.
type Received = { headers: IncomingMessage["headers"]; body: string };
const received: Received[] = [];
let answer = 200;
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body });
    response.writeHead(answer).end();
  });
});
let url: string;
let tenant: Tenant;
let cx: Member;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  ({ tenant } = await createTenant("Hook Shop"));
  cx = await createMember(tenant, "cx_manager");
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** The receiver's side of the scheme, written from the docs and independent of lib/webhooks/signature.ts. */
function verifiedByReceiver(secret: string, delivery: Received): boolean {
  const header = String(delivery.headers["nps-signature"]);
  const [, timestamp, signature] = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
  if (!timestamp || !signature) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${delivery.body}`, "utf8").digest("hex");
  return expected === signature && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

async function deliveriesOf(endpointId: string) {
  return db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
}

describe("webhooks", () => {
  it("POST a signed response.created the receiver can verify, with the response as in the API, and log it delivered", async () => {
    const endpoint = await createWebhookEndpoint(tenant, { url, events: ["response.created", "response.updated"] });
    const send = await sendTestSurvey(tenant);

    const response = await recordScore(send.token, 9);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await queuedJobs("webhook-delivery", "deliveryId", delivery!.id)).toHaveLength(1);
    received.length = 0;
    expect(await deliverWebhook(tenant, delivery!.id)).toBe("delivered");

    const [got] = received;
    expect(verifiedByReceiver(endpoint.secret, got!)).toBe(true);
    expect(verifiedByReceiver("whsec_wrong", got!)).toBe(false);
    expect(verifiedByReceiver(endpoint.secret, { ...got!, body: got!.body.replace('"score":9', '"score":10') })).toBe(false);
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ id: delivery!.id, event: "response.created", data: { id: response.id, score: 9, category: "promoter", contactId: send.contactId } });
    expect(got!.headers["nps-event"]).toBe("response.created");
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
  });

  it("sends response.updated for a changed score and for a comment, not for the same score clicked again", async () => {
    const endpoint = await createWebhookEndpoint(tenant, { url, events: ["response.updated"] });
    const send = await sendTestSurvey(tenant);

    await recordScore(send.token, 7);
    await recordScore(send.token, 7);
    await recordScore(send.token, 8);
    await saveComment(send.token, { comment: "Fine", callbackConsent: false, callbackPhone: "" } as never);

    expect((await deliveriesOf(endpoint.id)).map((d) => d.event)).toEqual(["response.updated", "response.updated"]);
  });

  it("tells followup.created when a detractor opens one and followup.closed when it is closed", async () => {
    const endpoint = await createWebhookEndpoint(tenant, { url, events: ["followup.created", "followup.closed"] });
    const send = await sendTestSurvey(tenant);
    const response = await recordScore(send.token, 2);
    const followUp = await db.followUp.findUniqueOrThrow({ where: { responseId: response.id } });

    await closeFollowUp(cx, followUp.id, { outcome: "resolved", body: "" });

    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.event)).toEqual(["followup.created", "followup.closed"]);
    expect((deliveries[1]!.payload as { data: unknown }).data).toMatchObject({ id: followUp.id, status: "closed", outcome: "resolved", contactId: send.contactId, score: 2 });
  });

  it("notifies only the tenant's own endpoints that subscribed to the event", async () => {
    const { tenant: other } = await createTenant("Other Hook Shop");
    const foreign = await createWebhookEndpoint(other, { url, events: ["response.created"] });
    const unsubscribed = await createWebhookEndpoint(tenant, { url, events: ["followup.closed"] });

    await recordScore((await sendTestSurvey(tenant)).token, 10);

    expect(await deliveriesOf(foreign.id)).toEqual([]);
    expect(await deliveriesOf(unsubscribed.id)).toEqual([]);
  });

  it("retries a failed delivery later with a growing pause, logging the status and error", async () => {
    const { tenant: flaky } = await createTenant("Flaky Hook Shop");
    const endpoint = await createWebhookEndpoint(flaky, { url, events: ["response.created"] });
    await recordScore((await sendTestSurvey(flaky)).token, 5);
    const [delivery] = await deliveriesOf(endpoint.id);
    answer = 503;
    const now = new Date();

    expect(await deliverWebhook(flaky, delivery!.id, now)).toBe("retrying");
    expect(await deliverWebhook(flaky, delivery!.id, addHours(now, 1))).toBe("retrying");
    answer = 200;

    const logged = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(logged).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 503, lastError: "HTTP 503" });
    expect(logged.nextAttemptAt).toEqual(new Date(addHours(now, 1).getTime() + 60_000));
    const jobs = await queuedJobs("webhook-delivery", "deliveryId", delivery!.id);
    expect(jobs.slice(1).map((job) => job.start_after)).toEqual([new Date(now.getTime() + 30_000), new Date(addHours(now, 1).getTime() + 60_000)]);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ failingSince: now, disabledAt: null });
    expect(await deliverWebhook(flaky, delivery!.id, addHours(now, 2))).toBe("delivered");
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ failingSince: null });
  });

  it("switches off an endpoint that has failed for a day and emails the tenant's admins", async () => {
    const { tenant: broken, organization } = await createTenant("Broken Hook Shop");
    const endpoint = await createWebhookEndpoint(broken, { url: "http://127.0.0.1:9/unreachable", events: ["response.created"] });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: subHours(new Date(), 25) } });
    await recordScore((await sendTestSurvey(broken)).token, 4);
    const [delivery] = await deliveriesOf(endpoint.id);

    expect(await deliverWebhook(broken, delivery!.id)).toBe("failed");

    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ disabledAt: expect.any(Date) });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { organizationId: organization.id, subject: { startsWith: "Webhook switched off" } } });
    expect(mail.to).toMatch(/^admin-/);
    expect(mail.text).toContain("http://127.0.0.1:9/unreachable");
    await recordScore((await sendTestSurvey(broken)).token, 4);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });
});
