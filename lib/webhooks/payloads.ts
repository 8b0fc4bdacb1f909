import type { Prisma } from "../db/client";
import type { Response } from "../generated/prisma/client";
import { emitWebhookEvent } from "./emit-event";

// What the events say. The same response shape as GET /api/v1/responses, so a receiver needs one parser.

export function responseResource(response: Response) {
  return {
    id: response.id,
    surveySendId: response.surveySendId,
    surveyId: response.surveyId,
    contactId: response.contactId,
    storeId: response.storeId,
    channel: response.channel,
    score: response.score,
    category: response.category,
    comment: response.comment,
    callbackConsent: response.callbackConsent,
    locale: response.locale,
    segment: response.segment,
    respondedAt: response.respondedAt.toISOString(),
    updatedAt: response.updatedAt.toISOString(),
  };
}

export function emitResponseEvent(tx: Prisma.TransactionClient, event: "response.created" | "response.updated", response: Response) {
  return emitWebhookEvent(tx, { organizationId: response.organizationId }, event, async () => responseResource(response));
}

/** After the follow-up was written in `tx`: the event shows it as it now is. */
export async function emitFollowUpEvent(
  tx: Prisma.TransactionClient,
  event: "followup.created" | "followup.closed",
  followUp: { id: string; organizationId: string },
) {
  const load = () =>
    tx.followUp.findFirstOrThrow({
      where: { id: followUp.id, organizationId: followUp.organizationId },
      include: { response: { select: { contactId: true, score: true, category: true } }, rootCause: { select: { label: true } } },
    });
  await emitWebhookEvent(
    tx,
    { organizationId: followUp.organizationId },
    event,
    async () => {
      const f = await load();
      return {
        id: f.id,
        responseId: f.responseId,
        contactId: f.response.contactId,
        storeId: f.storeId,
        score: f.response.score,
        category: f.response.category,
        status: f.status,
        outcome: f.outcome,
        rootCause: f.rootCause?.label ?? null,
        resolution: f.resolution,
        dueAt: f.dueAt.toISOString(),
        contactedAt: f.contactedAt?.toISOString() ?? null,
        closedAt: f.closedAt?.toISOString() ?? null,
        createdAt: f.createdAt.toISOString(),
      };
    },
  );
}
