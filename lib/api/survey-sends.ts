import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "../db/client";
import type { SendSummary } from "../sending/request-survey-send";
import { requestSurveySends, type SendResult } from "../sending/request-survey-sends-batch";
import type { SendRequest } from "../sending/request-survey-send";
import { NotFoundError } from "../tenancy/tenant";
import type { ApiCaller } from "./api-keys";
import type { surveySendRequest } from "./schemas";

type SurveySendRequest = z.infer<typeof surveySendRequest>;

/** One send the API was asked for: its body and the Idempotency-Key that names it, if any. */
export type ApiSendRequest = { body: SurveySendRequest; idempotencyKey: string | null };

/**
 * POST /api/v1/survey-sends: a purchase or visit asks for a survey. The store is named by its code (404 if the
 * tenant has none such); the digest of the parsed body lets a retry with the same Idempotency-Key or
 * transactionRef get the same answer, and a reuse with another body a 409.
 */
export async function createSurveySendFromApi(caller: ApiCaller, body: SurveySendRequest, idempotencyKey: string | null) {
  const [outcome] = await createSurveySendsFromApi(caller, [{ body, idempotencyKey }]);
  if (!outcome!.ok) throw outcome!.error;
  return { replayed: outcome!.replayed, result: sendResource(outcome!.send) };
}

/** POST /api/v1/survey-sends/batch: many such requests, each answered on its own, in order. */
export async function createSurveySendsFromApi(caller: ApiCaller, requests: ApiSendRequest[]): Promise<SendResult[]> {
  const codes = [...new Set(requests.flatMap(({ body }) => body.storeCode ?? []))];
  const stores = codes.length
    ? await db.store.findMany({ where: { organizationId: caller.organizationId, code: { in: codes } }, select: { id: true, code: true } })
    : [];
  const storeIds = new Map(stores.map((store) => [store.code, store.id]));
  const results: SendResult[] = new Array(requests.length);
  const known: { index: number; request: SendRequest }[] = [];
  requests.forEach(({ body, idempotencyKey }, index) => {
    const storeId = body.storeCode ? storeIds.get(body.storeCode) : null;
    if (storeId === undefined) results[index] = { ok: false, error: new NotFoundError("Store") };
    else known.push({ index, request: sendRequestOf(body, storeId, idempotencyKey) });
  });
  const outcomes = await requestSurveySends(caller, known.map(({ request }) => request));
  outcomes.forEach((outcome, i) => {
    results[known[i]!.index] = outcome;
  });
  return results;
}

function sendRequestOf(body: SurveySendRequest, storeId: string | null, idempotencyKey: string | null): SendRequest {
  return {
    contact: body.contact,
    storeId,
    surveyId: body.surveyId ?? null,
    channel: body.channel,
    transactionRef: body.transactionRef ?? null,
    sendAt: body.sendAt ? new Date(body.sendAt) : null,
    idempotencyKey,
    requestHash: createHash("sha256").update(JSON.stringify(body)).digest("hex"),
  };
}

export function sendResource(send: SendSummary) {
  return {
    id: send.id,
    status: send.status,
    reason: send.statusReason,
    contactId: send.contactId,
    sendAfter: send.sendAfter?.toISOString() ?? null,
    createdAt: send.createdAt.toISOString(),
  };
}
