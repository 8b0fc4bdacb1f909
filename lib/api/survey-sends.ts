import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "../db";
import { requestSurveySend } from "../sending/request-send";
import { NotFoundError } from "../tenancy/tenant";
import type { ApiCaller } from "./api-keys";
import type { surveySendRequest } from "./schemas";

type SurveySendRequest = z.infer<typeof surveySendRequest>;

/**
 * POST /api/v1/survey-sends: a purchase or visit asks for a survey. The store is named by its code (404 if the
 * tenant has none such); the digest of the parsed body lets a retry with the same Idempotency-Key or
 * transactionRef get the same answer, and a reuse with another body a 409.
 */
export async function createSurveySendFromApi(caller: ApiCaller, body: SurveySendRequest, idempotencyKey: string | null) {
  const store = body.storeCode
    ? await db.store.findFirst({ where: { organizationId: caller.organizationId, code: body.storeCode }, select: { id: true } })
    : null;
  if (body.storeCode && !store) throw new NotFoundError("Store");
  const { send, replayed } = await requestSurveySend(caller, {
    contact: body.contact,
    storeId: store?.id ?? null,
    surveyId: body.surveyId ?? null,
    channel: body.channel,
    transactionRef: body.transactionRef ?? null,
    sendAt: body.sendAt ? new Date(body.sendAt) : null,
    idempotencyKey,
    requestHash: createHash("sha256").update(JSON.stringify(body)).digest("hex"),
  });
  return {
    replayed,
    result: {
      id: send.id,
      status: send.status,
      reason: send.statusReason,
      contactId: send.contactId,
      sendAfter: send.sendAfter?.toISOString() ?? null,
      createdAt: send.createdAt.toISOString(),
    },
  };
}
