import { addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeFollowUp } from "@/lib/followups/followups";
import { recordScore } from "@/lib/responses/record-score";
import { recoveryOf } from "@/lib/resurveys/recovery";
import { sendResurvey } from "@/lib/resurveys/send-resurvey";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";
import { detractorFollowUp, hoursFrom } from "../responses/respond";

const T = new Date("2026-09-01T10:00:00Z");

// The contact also got the original survey email over the same SMTP server; these are the re-survey's.
const resurveyMails = (email: string) => smtp.to(email).filter((mail) => mail.subject?.includes("how do you feel about us today"));

const smtp = smtpSinkForThisFile();

async function closedFollowUp(resurveyAfterDays: number) {
  const { tenant, admin } = await createTenant("Resurvey Shop");
  await db.survey.updateMany({ where: tenant, data: { resurveyAfterDays } });
  const store = await createTestStore(tenant);
  const followUp = await detractorFollowUp(tenant, { storeId: store.id, at: T });
  await closeFollowUp(admin, followUp.id, { outcome: "resolved", body: null }, hoursFrom(T, 2));
  const resurvey = await db.resurvey.findUniqueOrThrow({ where: { responseId: followUp.responseId } });
  const response = await db.response.findUniqueOrThrow({ where: { id: followUp.responseId }, include: { contact: true } });
  return { tenant, admin, followUp, resurvey, response, email: response.contact.email };
}

describe("the re-survey after a follow-up closes", () => {
  it("is due the survey's number of days after closing, and nothing goes out before", async () => {
    const { tenant, resurvey, email } = await closedFollowUp(30);

    expect(resurvey).toMatchObject({ group: "contacted", dueAt: addDays(hoursFrom(T, 2), 30), sentAt: null });
    expect(await sendResurvey(tenant, resurvey.id, addDays(T, 29))).toEqual({ sent: false });
    expect(resurveyMails(email)).toEqual([]);
  });

  it("sends a new one-click survey email once it is due, once however often the job runs", async () => {
    const { tenant, resurvey, email, followUp } = await closedFollowUp(14);
    const due = addDays(hoursFrom(T, 2), 14);

    expect(await sendResurvey(tenant, resurvey.id, due)).toEqual({ sent: true });
    expect(await sendResurvey(tenant, resurvey.id, hoursFrom(due, 1))).toEqual({ sent: false });

    await smtp.waitFor(email, 2);
    const [mail] = resurveyMails(email);
    expect(mail!.subject).toBe("Resurvey Shop: how do you feel about us today?");
    expect(mail!.text).toContain("Some time ago you told us about your experience with Resurvey Shop.");
    const sent = await db.resurvey.findUniqueOrThrow({ where: { id: resurvey.id }, include: { surveySend: true } });
    expect(sent.sentAt).toEqual(due);
    expect(mail!.text).toContain(`/s/${sent.surveySend!.token}/9`);
    expect(resurveyMails(email)).toHaveLength(1);
    const events = await db.followUpEvent.findMany({ where: { followUpId: followUp.id, type: "resurvey_sent" } });
    expect(events).toHaveLength(1);
  });

  it("counts as recovered when the new score is higher, and notes a move to passive or promoter", async () => {
    const { tenant, resurvey, response } = await closedFollowUp(0);
    await sendResurvey(tenant, resurvey.id, hoursFrom(T, 3));
    const { surveySend } = await db.resurvey.findUniqueOrThrow({ where: { id: resurvey.id }, include: { surveySend: true } });

    expect(await recoveryOf(tenant, response.id)).toBeNull();
    await recordScore(surveySend!.token, 9, hoursFrom(T, 4));

    expect(await recoveryOf(tenant, response.id)).toEqual({ originalScore: 2, newScore: 9, recovered: true, nowPassiveOrPromoter: true });
  });

  it("goes to nobody who unsubscribed meanwhile", async () => {
    const { tenant, resurvey, response, email } = await closedFollowUp(0);
    await db.contact.update({ where: { id: response.contactId }, data: { unsubscribedAt: hoursFrom(T, 3) } });

    expect(await sendResurvey(tenant, resurvey.id, hoursFrom(T, 4))).toEqual({ sent: false });
    expect(resurveyMails(email)).toEqual([]);
  });

  it("is not sent for another tenant", async () => {
    const { resurvey } = await closedFollowUp(0);
    const { tenant: other } = await createTenant("Other");

    expect(await sendResurvey(other, resurvey.id, hoursFrom(T, 4))).toEqual({ sent: false });
  });
});
