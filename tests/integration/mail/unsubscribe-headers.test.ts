import { addDays } from "date-fns";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { POST as commentPost } from "@/app/s/[token]/comment/route";
import { POST as unsubscribePost } from "@/app/s/[token]/unsubscribe/route";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/followups/followups";
import { sendResurvey } from "@/lib/resurveys/send-resurvey";
import { sendSurveyReminder } from "@/lib/sending/reminder";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { detractorFollowUp } from "../responses/respond";

// RFC 2369 and RFC 8058, read on the messages a real SMTP server received.
const smtp = smtpSinkForThisFile();

function unsubscribeHeadersOf(mail: ParsedMail) {
  const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, " ");
  return { listUnsubscribe: header("list-unsubscribe"), listUnsubscribePost: header("list-unsubscribe-post") };
}

function expectOneClickHeaders(mail: ParsedMail, token: string) {
  expect(unsubscribeHeadersOf(mail)).toEqual({
    listUnsubscribe: `List-Unsubscribe: <http://localhost:3000/s/${token}/unsubscribe>`,
    listUnsubscribePost: "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
  });
}

const oneClick = (token: string, headers: Record<string, string>) =>
  unsubscribePost(
    new Request(`http://localhost:3000/s/${token}/unsubscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: "List-Unsubscribe=One-Click",
    }),
    { params: Promise.resolve({ token }) },
  );

describe("every email to a customer", () => {
  it("carries List-Unsubscribe and the one-click List-Unsubscribe-Post on the survey and its reminder", async () => {
    const { tenant } = await createTenant("Header Shop");
    const send = await sendTestSurvey(tenant);
    const email = (await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).email;

    expect(await sendSurveyReminder(tenant, send.id)).toEqual({ sent: true });

    const [survey, reminder] = await smtp.waitFor(email, 2);
    expect(reminder!.subject).toMatch(/^Reminder: /);
    expectOneClickHeaders(survey!, send.token);
    expectOneClickHeaders(reminder!, send.token);
  });

  it("carries both headers on the re-survey, with the re-survey's own link", async () => {
    const { tenant, admin } = await createTenant("Header Resurvey Shop");
    await db.survey.updateMany({ where: tenant, data: { resurveyAfterDays: 0 } });
    const store = await createTestStore(tenant);
    const followUp = await detractorFollowUp(tenant, { storeId: store.id });
    await closeFollowUp(admin, followUp.id, { outcome: "resolved", body: null });
    const resurvey = await db.resurvey.findUniqueOrThrow({ where: { responseId: followUp.responseId } });

    expect(await sendResurvey(tenant, resurvey.id, addDays(new Date(), 1))).toEqual({ sent: true });

    const { surveySend, response } = await db.resurvey.findUniqueOrThrow({
      where: { id: resurvey.id },
      include: { surveySend: true, response: { include: { contact: true } } },
    });
    const [, resurveyMail] = await smtp.waitFor(response.contact.email, 2);
    expect(resurveyMail!.subject).toContain("how do you feel about us today");
    expectOneClickHeaders(resurveyMail!, surveySend!.token);
  });
});

describe("RFC 8058 one-click unsubscribe", () => {
  it("is accepted from a mailbox provider's origin, as Gmail sends it", async () => {
    const { tenant } = await createTenant("One-Click Shop");
    const send = await sendTestSurvey(tenant);

    const response = await oneClick(send.token, { origin: "https://mail.google.com", "sec-fetch-site": "cross-site" });

    expect(response.status).toBe(200);
    expect((await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).unsubscribedAt).not.toBeNull();
  });

  it("is accepted without an Origin, as a provider's server sends it", async () => {
    const { tenant } = await createTenant("One-Click Server Shop");
    const send = await sendTestSurvey(tenant);

    expect((await oneClick(send.token, {})).status).toBe(200);
    expect((await db.contact.findUniqueOrThrow({ where: { id: send.contactId } })).unsubscribedAt).not.toBeNull();
  });

  it("leaves the survey's other forms refusing posts from another site", async () => {
    const { tenant } = await createTenant("One-Click Guard Shop");
    const send = await sendTestSurvey(tenant);
    const response = await commentPost(
      new Request(`http://localhost:3000/s/${send.token}/comment`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
        body: "comment=forged",
      }),
      { params: Promise.resolve({ token: send.token }) },
    );
    expect(response.status).toBe(403);
  });
});
