import { addDays } from "date-fns";
import { db } from "@/lib/db/client";
import { addNote, closeFollowUp } from "@/lib/followups/followups";
import { enqueue } from "@/lib/queue/enqueue";
import { recordScore, saveComment } from "@/lib/responses/record-score";
import { requestSurveySend } from "@/lib/sending/request-survey-send";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";

/**
 * One customer in every state at once: a survey answered 2 (open follow-up, its alert and escalation queued,
 * a webhook delivery pending to a receiver that is down), an earlier detractor whose follow-up was closed (a
 * re-survey planned), a survey still queued (requested through the API, with its idempotency data), and a sent
 * one with its campaign reminder queued. The detractor left a comment and a call-back number; staff wrote a note.
 */
export async function customerInEveryState() {
  const { tenant, admin } = await createTenant("Every State Shop");
  const store = await createTestStore(tenant);
  await db.sendingPolicy.create({ data: { ...tenant, throttleDays: 0 } });
  // Nothing listens on port 9 of loopback: the delivery stays pending, with its retry queued.
  await createWebhookEndpoint(tenant, { url: "http://127.0.0.1:9/hook", events: ["response.created", "followup.created"] });
  const first = await sendTestSurvey(tenant, { storeId: store.id });
  const email = (await db.contact.findUniqueOrThrow({ where: { id: first.contactId } })).email;
  const earlier = await recordScore(first.token, 1);
  const closed = await db.followUp.findUniqueOrThrow({ where: { responseId: earlier.id } });
  await closeFollowUp(admin, closed.id, { outcome: "resolved", body: null });

  const detractorSend = await sendTestSurvey(tenant, { storeId: store.id, email });
  const detractor = await recordScore(detractorSend.token, 2);
  await saveComment(detractorSend.token, { comment: "Waited an hour", callbackConsent: true, callbackPhone: "+49 30 999" });
  const open = await db.followUp.findUniqueOrThrow({ where: { responseId: detractor.id } });
  await addNote(admin, open.id, { body: "Left a voicemail" });

  const reminded = await sendTestSurvey(tenant, { storeId: store.id, email });
  await enqueue(db, "surveyReminder", { organizationId: tenant.organizationId, surveySendId: reminded.id }, { startAfter: addDays(new Date(), 2) });
  const pending = (
    await requestSurveySend(tenant, {
      contact: { email },
      storeId: store.id,
      surveyId: null,
      transactionRef: "POS-4711",
      idempotencyKey: "idem-key-0001",
      requestHash: "f00dfeedf00dfeedf00dfeed",
    })
  ).send;

  const resurvey = await db.resurvey.findUniqueOrThrow({ where: { responseId: earlier.id } });
  const deliveries = await db.webhookDelivery.findMany({ where: { ...tenant, contactId: first.contactId } });
  return { tenant, admin, contactId: first.contactId, email, first, detractorSend, open, detractor, reminded, pending, resurvey, deliveries };
}

