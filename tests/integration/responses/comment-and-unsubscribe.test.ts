import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import { commentInputSchema } from "@/lib/responses/schemas";
import { unsubscribeByToken } from "@/lib/responses/survey-link";
import { sendSurvey } from "@/lib/sending/send-survey";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createTenant, sendTestSurvey } from "@/tests/support/factories";

let tenant: Tenant;

beforeAll(async () => {
  ({ tenant } = await createTenant("Comment Shop"));
});

async function answered(score: number) {
  const send = await sendTestSurvey(tenant);
  await recordScore(send.token, score);
  return send;
}

const comment = (fields: Record<string, string>) => commentInputSchema.parse(fields);

describe("the comment a customer adds after their click", () => {
  it("stores the comment and the call-back phone when the customer agrees to a call", async () => {
    const send = await answered(2);

    await saveComment(send.token, comment({ comment: "  Queue was far too long  ", callbackConsent: "yes", callbackPhone: "+31 20 555 0101" }));

    expect(await db.response.findUniqueOrThrow({ where: { surveySendId: send.id } })).toMatchObject({
      score: 2,
      comment: "Queue was far too long",
      callbackConsent: true,
      callbackPhone: "+31 20 555 0101",
    });
  });

  it("forgets a phone number given without consent to be called", async () => {
    const send = await answered(8);

    await saveComment(send.token, { comment: "Fine", callbackConsent: false, callbackPhone: "+31 20 555 0101" });

    expect(await db.response.findUniqueOrThrow({ where: { surveySendId: send.id } })).toMatchObject({
      comment: "Fine",
      callbackConsent: false,
      callbackPhone: null,
    });
  });

  it("an empty comment clears an earlier one", async () => {
    const send = await answered(9);
    await saveComment(send.token, comment({ comment: "Great staff" }));

    await saveComment(send.token, comment({ comment: "" }));

    expect((await db.response.findUniqueOrThrow({ where: { surveySendId: send.id } })).comment).toBeNull();
  });

  it("is not found before a score was clicked, or for an unknown token", async () => {
    const unanswered = await sendTestSurvey(tenant);
    await expect(saveComment(unanswered.token, comment({ comment: "Hi" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveComment("B".repeat(32), comment({ comment: "Hi" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.response.count({ where: { surveySendId: unanswered.id } })).toBe(0);
  });
});

describe("unsubscribing from the survey email", () => {
  it("marks the contact unsubscribed, and a later survey to them is refused", async () => {
    const email = `leaving-${crypto.randomUUID()}@example.test`;
    const send = await sendTestSurvey(tenant, { email });
    const now = new Date("2026-04-01T08:00:00Z");

    await unsubscribeByToken(send.token, now);

    expect((await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).unsubscribedAt).toEqual(now);
    await expect(sendTestSurvey(tenant, { email })).rejects.toBeInstanceOf(InputError);
    expect(await db.surveySend.count({ where: { contactId: send.contactId, status: { not: "suppressed" } } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(1);
  });

  it("keeps the first unsubscribe time when the link is opened again", async () => {
    const send = await sendTestSurvey(tenant);
    const first = new Date("2026-04-01T08:00:00Z");

    await unsubscribeByToken(send.token, first);
    await unsubscribeByToken(send.token, new Date("2026-04-02T08:00:00Z"));

    expect((await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).unsubscribedAt).toEqual(first);
  });

  it("of one tenant leaves the same email address subscribed with another tenant", async () => {
    const email = `shared-${crypto.randomUUID()}@example.test`;
    const { tenant: other } = await createTenant("Other Shop");
    const send = await sendTestSurvey(tenant, { email });

    await unsubscribeByToken(send.token);

    const otherSend = await sendSurvey(other, { email, name: null, phone: null, locale: "en", storeId: null, surveyId: null });
    expect(otherSend.organizationId).toBe(other.organizationId);
  });

  it("with an unknown token is not found", async () => {
    await expect(unsubscribeByToken("C".repeat(32))).rejects.toBeInstanceOf(NotFoundError);
  });
});
