import { describe, expect, it } from "vitest";
import { deliverFollowUpAlert } from "@/lib/alerts/deliver-alert";
import { db } from "@/lib/db/client";
import { localTimeText } from "@/lib/followups/local-time";
import { jobSchema } from "@/lib/queue/enqueue";
import { sweepDueWork } from "@/lib/worker/sweep-due-work";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { respond } from "../responses/respond";

const smtp = smtpSinkForThisFile();

const emailOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;

async function chain() {
  const { tenant } = await createTenant("Alert Chain");
  const [store, otherStore] = [await createTestStore(tenant, "Harbour Road"), await createTestStore(tenant, "Hill Street")];
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const otherManager = await createMember(tenant, "store_manager", [otherStore.id]);
  const cx = await createMember(tenant, "cx_manager");
  return { tenant, store, manager, otherManager, cx };
}

async function alertJobsFor(responseId: string) {
  return (await queuedJobs("follow-up-alert", "responseId", responseId)).map(({ data }) => ({ data }));
}

describe("the instant detractor alert", () => {
  it("is queued in the same transaction as the detractor's response", async () => {
    const { tenant, store } = await chain();
    const { response } = await respond(tenant, 3, { storeId: store.id });

    expect(await alertJobsFor(response.id)).toEqual([{ data: { organizationId: tenant.organizationId, responseId: response.id } }]);
  });

  it("emails the store's managers the score, comment, contact, call-back consent and the follow-up link", async () => {
    const { tenant, store, manager, otherManager, cx } = await chain();
    const { send, response, followUp } = await respond(tenant, 2, { storeId: store.id });
    await db.response.update({ where: { id: response.id }, data: { comment: "Rude staff at the till", callbackConsent: true, callbackPhone: "+49 40 555 12" } });

    expect(await deliverFollowUpAlert(tenant, response.id)).toEqual({ sent: 1 });

    const [mail] = await smtp.waitFor(await emailOf(manager.userId));
    const { timeZone } = await db.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(mail!.subject).toBe(`Detractor 2/10 · Harbour Road · call back by ${localTimeText(followUp!.dueAt, timeZone)}`);
    expect(mail!.text).toContain("Rude staff at the till");
    expect(mail!.text).toContain("Phone: +49 40 555 12");
    expect(mail!.text).toContain("Call-back: yes, asked to be called back");
    expect(mail!.text).toContain(`http://localhost:3000/queue/${followUp!.id}`);
    expect(String(mail!.html)).toContain(`href="http://localhost:3000/queue/${followUp!.id}"`);
    expect(mail!.text).toContain((await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).email);
    expect(smtp.to(await emailOf(otherManager.userId))).toEqual([]);
    expect(smtp.to(await emailOf(cx.userId))).toEqual([]);
  });

  it("speaks each manager's language: their own choice, else the tenant's default for staff", async () => {
    const { tenant, store, manager } = await chain();
    const colleague = await createMember(tenant, "store_manager", [store.id]);
    await db.user.update({ where: { id: manager.userId }, data: { locale: "de" } });
    await db.organization.update({ where: { id: tenant.organizationId }, data: { staffLocale: "pl" } });
    const { response, followUp } = await respond(tenant, 2, { storeId: store.id });

    expect(await deliverFollowUpAlert(tenant, response.id)).toEqual({ sent: 2 });

    const { timeZone } = await db.store.findUniqueOrThrow({ where: { id: store.id } });
    const [german] = await smtp.waitFor(await emailOf(manager.userId));
    expect(german!.subject).toBe(`Detraktor 2/10 · Harbour Road · zurückrufen bis ${localTimeText(followUp!.dueAt, timeZone, { locale: "de" })}`);
    expect(german!.text).toContain("Ein Detraktor wartet auf Ihren Rückruf");
    expect(String(german!.html)).toContain('lang="de"');
    const [polish] = await smtp.waitFor(await emailOf(colleague.userId));
    expect(polish!.subject).toMatch(/^Krytyk 2\/10 · Harbour Road · oddzwoń do /);
    expect(polish!.text).toContain("Krytyk czeka na oddzwonienie");
  });

  it("is sent once per manager however often the job runs", async () => {
    const { tenant, store, manager } = await chain();
    const { response } = await respond(tenant, 4, { storeId: store.id });

    await deliverFollowUpAlert(tenant, response.id);
    expect(await deliverFollowUpAlert(tenant, response.id)).toEqual({ sent: 0 });

    expect(smtp.to(await emailOf(manager.userId))).toHaveLength(1);
  });

  it("goes to the customer-service team for an online response, and to HQ when nobody owns the store", async () => {
    const { tenant, cx } = await chain();
    const agent = await createMember(tenant, "cx_manager");
    await db.membership.updateMany({ where: { organizationId: tenant.organizationId, userId: agent.userId }, data: { customerService: true } });
    const orphanStore = await createTestStore(tenant, "No Manager Road");

    const online = await respond(tenant, 1);
    const orphan = await respond(tenant, 1, { storeId: orphanStore.id });
    await deliverFollowUpAlert(tenant, online.response.id);
    await deliverFollowUpAlert(tenant, orphan.response.id);

    // The agent is a CX manager too, so HQ's alert about the orphan store reaches them as well.
    const agentMails = smtp.to(await emailOf(agent.userId)).map((m) => m.subject);
    expect(agentMails).toContainEqual(expect.stringMatching(/^Detractor 1\/10 · Online/));
    const cxMails = smtp.to(await emailOf(cx.userId));
    expect(cxMails.map((m) => m.subject)).toEqual([expect.stringMatching(/· No Manager Road ·/)]);
  });

  it("alerts passives only when the survey says so", async () => {
    const { tenant, store, manager } = await chain();
    const quiet = await respond(tenant, 7, { storeId: store.id });
    expect(await alertJobsFor(quiet.response.id)).toEqual([]);
    expect(await deliverFollowUpAlert(tenant, quiet.response.id)).toEqual({ sent: 0 });

    await db.survey.updateMany({ where: tenant, data: { alertPassives: true } });
    const loud = await respond(tenant, 8, { storeId: store.id });
    expect(await alertJobsFor(loud.response.id)).toHaveLength(1);
    await deliverFollowUpAlert(tenant, loud.response.id);

    const [mail] = await smtp.waitFor(await emailOf(manager.userId));
    expect(mail!.subject).toMatch(/^Passive 8\/10 · Harbour Road$/);
  });

  it("alerts nobody when the score was changed to a promoter before the job ran", async () => {
    const { tenant, store, manager } = await chain();
    const { send, response } = await respond(tenant, 0, { storeId: store.id });
    await recordScore(send.token, 10);

    expect(await deliverFollowUpAlert(tenant, response.id)).toEqual({ sent: 0 });
    expect(smtp.to(await emailOf(manager.userId))).toEqual([]);
  });

  it("sends the comment and call-back wish written after the first alert, once, to those alerted", async () => {
    const { tenant, store, manager } = await chain();
    const { send, response } = await respond(tenant, 3, { storeId: store.id });
    await deliverFollowUpAlert(tenant, response.id);

    await saveComment(send.token, { comment: "Waited 20 minutes at the till", callbackConsent: true, callbackPhone: "+31 6 5555 0000" });
    const jobs = await alertJobsFor(response.id);
    expect(jobs.map(({ data }) => data.commentAdded ?? false)).toEqual([false, true]);

    expect(await deliverFollowUpAlert(tenant, response.id, { commentAdded: true })).toEqual({ sent: 1 });
    expect(await deliverFollowUpAlert(tenant, response.id, { commentAdded: true })).toEqual({ sent: 0 });
    const mails = await smtp.waitFor(await emailOf(manager.userId), 2);
    expect(mails[1]!.subject).toMatch(/^Comment · Detractor 3\/10 · Harbour Road/);
    expect(mails[1]!.text).toContain("Waited 20 minutes at the till");
    expect(mails[1]!.text).toContain("Phone: +31 6 5555 0000");
  });

  it("sends no separate comment email to a manager whose first alert has not gone out yet", async () => {
    const { tenant, store, manager } = await chain();
    const { send, response } = await respond(tenant, 3, { storeId: store.id });
    await saveComment(send.token, { comment: "Cold coffee", callbackConsent: false, callbackPhone: null });

    expect(await deliverFollowUpAlert(tenant, response.id, { commentAdded: true })).toEqual({ sent: 0 });
    await deliverFollowUpAlert(tenant, response.id);
    const [mail] = await smtp.waitFor(await emailOf(manager.userId));
    expect(mail!.text).toContain("Cold coffee");
  });

  it("that failed for good (mail server down past its retries) is queued again by the sweep, once", async () => {
    const { tenant, store } = await chain();
    const { response } = await respond(tenant, 1, { storeId: store.id });
    await db.$executeRawUnsafe(`UPDATE ${jobSchema()}.job SET state = 'failed' WHERE name = 'follow-up-alert' AND data->>'responseId' = $1`, response.id);

    expect((await sweepDueWork()).alerts).toBeGreaterThanOrEqual(1);
    expect((await alertJobsFor(response.id)).map(({ data }) => data)).toEqual([
      { organizationId: tenant.organizationId, responseId: response.id },
      { organizationId: tenant.organizationId, responseId: response.id },
    ]);

    await sweepDueWork();
    expect(await alertJobsFor(response.id)).toHaveLength(2);
  });

  it("is not sent for another tenant's response", async () => {
    const { tenant: other } = await createTenant("Other");
    const { tenant, store } = await chain();
    const { response } = await respond(tenant, 2, { storeId: store.id });

    expect(await deliverFollowUpAlert(other as Tenant, response.id)).toEqual({ sent: 0 });
  });
});
