import { db, type Prisma } from "../db/client";
import type { SurveySend } from "../generated/prisma/client";
import type { Channel } from "../generated/prisma/enums";
import { saveContact } from "../contacts/save-contact";
import type { ContactFields } from "../contacts/record-schemas";
import { isUniqueViolation } from "../forms/input-error";
import { resolveLocale } from "../i18n/locales";
import { enqueue } from "../queue/enqueue";
import { newSurveyToken } from "./survey-token";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { DEFAULT_POLICY, decideSend, type SendingPolicy } from "./rules";

export type SendRequest = {
  contact: ContactFields;
  /** Checked to be the tenant's by the caller (the API resolves a store code, the form a store id). */
  storeId: string | null;
  surveyId: string | null;
  channel?: Channel;
  transactionRef?: string | null;
  sendAt?: Date | null;
  idempotencyKey?: string | null;
  /** A digest of the caller's request: a repeated key or transactionRef with another request is a conflict. */
  requestHash?: string | null;
  campaignId?: string | null;
};

export type SendOutcome = { send: SurveySend; replayed: boolean };

/** What a caller learns of a send it requested. */
export type SendSummary = Pick<SurveySend, "id" | "status" | "statusReason" | "contactId" | "sendAfter" | "createdAt">;

/** An Idempotency-Key or transactionRef used before for a different request. */
export class IdempotencyConflictError extends Error {
  constructor(what: "Idempotency-Key" | "transactionRef") {
    super(`This ${what} was used before with a different request`);
    this.name = "IdempotencyConflictError";
  }
}

/**
 * The one way into the sending engine, for every path (form, API, campaign). A repeated request (same
 * Idempotency-Key or transactionRef) gets the send it made the first time. Otherwise the contact is created or
 * updated, the sending rules decide (queued, throttled or suppressed, with the reason), and a queued send gets
 * its job in the same transaction: a send exists exactly when its job does.
 */
export async function requestSurveySend(tenant: Tenant, request: SendRequest, now = new Date(), known?: SendFacts): Promise<SendOutcome> {
  const earlier = await findEarlierSend(tenant, request);
  if (earlier) return earlier;
  // `known`: the facts a batch already read for this store and survey (request-survey-sends-batch.ts).
  const facts = known ?? (await sendFacts(tenant, request));
  try {
    return { send: await writeSend(tenant, request, facts, now), replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same request twice at once: the second finds the first's send once it has committed. Two requests for
    // one new contact at once: the second retries and finds the contact.
    const raced = await findEarlierSend(tenant, request);
    if (raced) return raced;
    return { send: await writeSend(tenant, request, facts, now), replayed: false };
  }
}

export type SendFacts = { defaultLocale: string; surveyId: string; policy: SendingPolicy; timeZone: string };

/**
 * What the rules need besides the contact, in one query (the API takes hundreds of sends a second): the tenant's
 * language, its sending policy (defaults without a row), the survey (the chosen one or the first) and the time zone
 * quiet hours are counted in (the store's, or the policy's for online sends). Unknown or foreign ids: not found.
 */
export async function sendFacts(tenant: Tenant, request: Pick<SendRequest, "storeId" | "surveyId">): Promise<SendFacts> {
  const [row] = await db.$queryRaw<(Partial<SendingPolicy> & { defaultLocale: string; surveyId: string | null; storeTimeZone: string | null })[]>`
    SELECT o."defaultLocale", p."throttleDays", p."quietHoursStart", p."quietHoursEnd", p."timeZone",
           (SELECT s."id" FROM "Survey" s WHERE s."organizationId" = o."id" AND (${request.surveyId}::text IS NULL OR s."id" = ${request.surveyId})
             ORDER BY s."createdAt" LIMIT 1) AS "surveyId",
           (SELECT st."timeZone" FROM "Store" st WHERE st."organizationId" = o."id" AND st."id" = ${request.storeId}) AS "storeTimeZone"
      FROM "Organization" o LEFT JOIN "SendingPolicy" p ON p."organizationId" = o."id"
     WHERE o."id" = ${tenant.organizationId}`;
  if (!row?.surveyId) throw new NotFoundError("Survey");
  if (request.storeId && !row.storeTimeZone) throw new NotFoundError("Store");
  const policy: SendingPolicy = row.throttleDays === null || row.throttleDays === undefined
    ? DEFAULT_POLICY
    : { throttleDays: row.throttleDays, quietHoursStart: row.quietHoursStart ?? null, quietHoursEnd: row.quietHoursEnd ?? null, timeZone: row.timeZone! };
  return { defaultLocale: row.defaultLocale, surveyId: row.surveyId, policy, timeZone: row.storeTimeZone ?? policy.timeZone };
}

function writeSend(tenant: Tenant, request: SendRequest, { defaultLocale, surveyId, policy, timeZone }: SendFacts, now: Date) {
    return db.$transaction(async (tx) => {
      const { contact } = await saveContact(tx, tenant, contactFieldsOf(request, now), { storeId: request.storeId });
      const verdict = decideSend({
        contact: { ...contact, lastSurveyedAt: await lockAndLastSurveyedAt(tx, contact.id) },
        policy,
        timeZone,
        requestedAt: request.sendAt ?? null,
        now,
      });
      const created = await tx.surveySend.create({
        data: {
          organizationId: tenant.organizationId,
          surveyId,
          contactId: contact.id,
          storeId: request.storeId,
          channel: channelOf(request),
          token: newSurveyToken(),
          locale: resolveLocale(contact.locale, defaultLocale),
          status: verdict.status,
          statusReason: verdict.status === "queued" ? null : verdict.reason,
          sendAfter: verdict.status === "queued" ? verdict.sendAfter : null,
          createdAt: now,
          sentAt: now,
          transactionRef: request.transactionRef ?? null,
          idempotencyKey: request.idempotencyKey ?? null,
          requestHash: request.requestHash ?? null,
          campaignId: request.campaignId ?? null,
        },
      });
      if (verdict.status === "queued") {
        await enqueue(tx, "surveySend", { organizationId: tenant.organizationId, surveySendId: created.id }, verdict.sendAfter ? { startAfter: verdict.sendAfter } : {});
      }
      return created;
    }, BUSY_TRANSACTION);
}

/** The contact as the request describes it; a purchase (a transactionRef) is the contact's latest unless it says. */
export function contactFieldsOf(request: SendRequest, now: Date): ContactFields {
  const purchase = request.transactionRef && request.contact.lastPurchaseAt === undefined ? { lastPurchaseAt: now.toISOString() } : {};
  return { ...request.contact, ...purchase };
}

export const channelOf = (request: SendRequest): Channel => request.channel ?? (request.storeId ? "store" : "online");

// Under a burst of API calls every pooled connection may be in a transaction: wait for one rather than fail at
// Prisma's default of 2 s.
const BUSY_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

async function findEarlierSend(tenant: Tenant, request: SendRequest): Promise<SendOutcome | null> {
  const keys = [
    ...(request.idempotencyKey ? [{ idempotencyKey: request.idempotencyKey }] : []),
    ...(request.transactionRef ? [{ transactionRef: request.transactionRef }] : []),
  ];
  if (keys.length === 0) return null;
  const sends = await db.surveySend.findMany({ where: { organizationId: tenant.organizationId, OR: keys }, take: 2 });
  // The Idempotency-Key names the request most precisely: its send answers first.
  const send = sends.find((s) => request.idempotencyKey && s.idempotencyKey === request.idempotencyKey) ?? sends[0];
  if (!send) return null;
  if ((send.requestHash ?? null) !== (request.requestHash ?? null)) {
    throw new IdempotencyConflictError(request.idempotencyKey && send.idempotencyKey === request.idempotencyKey ? "Idempotency-Key" : "transactionRef");
  }
  return { send, replayed: true };
}

/**
 * Locks the contact (requests for one contact take turns from here, so two at once cannot both pass the throttle)
 * and reads their latest survey that went out or is on its way: sent ones by send time, others by creation.
 */
async function lockAndLastSurveyedAt(tx: Prisma.TransactionClient, contactId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT (SELECT max(CASE WHEN s."status" = 'sent' THEN s."sentAt" ELSE s."createdAt" END) FROM "SurveySend" s
             WHERE s."contactId" = c."id" AND s."organizationId" = c."organizationId" AND s."status" IN ('queued', 'sending', 'sent')) AS at
      FROM "Contact" c WHERE c."id" = ${contactId} FOR UPDATE OF c`;
  return rows[0]?.at ?? null;
}
