import { z } from "zod";
import { CATEGORIES, CHANNELS } from "../analytics/schemas";
import { contactFieldsSchema, contactRecordSchema } from "../contacts/record-schemas";

// Every request and response body of /api/v1, as zod schemas: the routes parse with them and the OpenAPI
// document (lib/api/openapi.ts) is generated from them, so the two cannot disagree.

const isoTime = z.iso.datetime({ offset: true, message: "An ISO 8601 time, e.g. 2026-11-23T14:05:00Z" });
const id = z.string().trim().min(1).max(64);

export const contactRecord = contactRecordSchema.meta({ id: "ContactInput", description: "A contact, named by email and/or externalId." });
export const contactPatch = contactFieldsSchema.meta({ id: "ContactPatch", description: "Only the fields given change; null clears one." });

export const surveySendRequest = z
  .object({
    contact: contactRecord,
    storeCode: z.string().trim().min(1).max(64).optional().meta({ description: "The store's code; omit for an online purchase." }),
    surveyId: id.optional().meta({ description: "Defaults to the tenant's first survey." }),
    channel: z.enum(CHANNELS).optional().meta({ description: "Defaults to store with a storeCode, else online." }),
    transactionRef: z.string().trim().min(1).max(200).optional().meta({ description: "Your purchase or visit id: one survey per transaction." }),
    sendAt: isoTime.optional().meta({ description: "Not before this time (quiet hours may delay it further)." }),
  })
  .meta({ id: "SurveySendRequest" });

export const surveySendResult = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "sending", "sent", "failed", "bounced", "throttled", "suppressed"]),
    reason: z.string().nullable().meta({ description: "Why it was throttled, suppressed, failed or bounced." }),
    contactId: z.string(),
    sendAfter: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: "SurveySend" });

// A batch answers each item as the single call would have: the send (202) or the error (400, 404, 409).
export const SURVEY_SEND_BATCH_LIMIT = 500;
/** The Idempotency-Key header of a send, and the idempotencyKey of a batch item. */
export const idempotencyKey = z.string().trim().min(1, "Must not be empty").max(200, "At most 200 characters");

export const surveySendBatchRequest = z
  .object({
    sends: z
      .array(surveySendRequest.extend({ idempotencyKey: idempotencyKey.optional().meta({ description: "Names this item for retries, as the Idempotency-Key header names a single send." }) }))
      .min(1)
      .max(SURVEY_SEND_BATCH_LIMIT, `At most ${SURVEY_SEND_BATCH_LIMIT} sends per batch`),
  })
  .meta({ id: "SurveySendBatch" });

export const surveySendBatchResult = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int().meta({ description: "The item's position in `sends`." }),
        status: z.number().int().meta({ description: "202 with the send; 400, 404 or 409 with the error; 500 if it could not be written (the others are)." }),
        send: surveySendResult.optional(),
        replayed: z.boolean().optional().meta({ description: "A repeated item: the send its first request made." }),
        error: z.string().optional(),
        message: z.string().optional(),
        issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
      }),
    ),
  })
  .meta({ id: "SurveySendBatchResult" });

export const responsesQuery = z.object({
  from: isoTime.optional().meta({ description: "Responses at or after this time." }),
  to: isoTime.optional().meta({ description: "Responses before this time." }),
  storeCode: z.string().trim().min(1).max(64).optional(),
  category: z.enum(CATEGORIES).optional(),
  surveyId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page." }),
});

export const responseResource = z
  .object({
    id: z.string(),
    surveySendId: z.string(),
    surveyId: z.string(),
    contactId: z.string(),
    storeId: z.string().nullable(),
    channel: z.enum(CHANNELS),
    score: z.number().int().min(0).max(10),
    category: z.enum(CATEGORIES),
    comment: z.string().nullable(),
    callbackConsent: z.boolean(),
    locale: z.string(),
    segment: z.string().nullable(),
    respondedAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "Response" });

export const page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() }).meta({ id: name });

export const npsQuery = z.object({
  period: z.enum(["30d", "90d", "365d", "all"]).optional(),
  from: z.string().optional().meta({ description: "First day, YYYY-MM-DD (UTC)." }),
  to: z.string().optional().meta({ description: "Last day, YYYY-MM-DD (UTC), inclusive." }),
  region: id.optional(),
  store: id.optional().meta({ description: "Store id." }),
  survey: id.optional(),
  channel: z.enum(CHANNELS).optional(),
  segment: z.string().max(60).optional(),
});

export const npsResult = z
  .object({
    nps: z.number().nullable().meta({ description: "−100…100; null without responses." }),
    marginOfError: z.number().nullable().meta({ description: "Half-width of the 95% confidence interval, in points." }),
    responses: z.number().int().meta({ description: "n: the responses behind the figure." }),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    tooFew: z.boolean().meta({ description: "Under 30 responses: the dashboard shows no number." }),
    sent: z.number().int(),
    responseRate: z.number().nullable(),
    distribution: z.array(z.number().int()).meta({ description: "Responses per score 0…10." }),
    from: z.string(),
    to: z.string().meta({ description: "Exclusive." }),
  })
  .meta({ id: "NpsSummary" });

export const contactsQuery = z.object({
  email: z.string().trim().toLowerCase().optional(),
  externalId: z.string().trim().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const contactResource = z
  .object({
    id: z.string(),
    email: z.string(),
    externalId: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.string().nullable(),
    segment: z.string().nullable(),
    attributes: z.record(z.string(), z.string()),
    lastPurchaseAt: isoTime.nullable(),
    unsubscribedAt: isoTime.nullable(),
    suppressedAt: isoTime.nullable(),
    suppressionReason: z.enum(["bounced", "complained"]).nullable(),
    erasedAt: isoTime.nullable(),
    createdAt: isoTime,
    surveys: z
      .array(z.object({ id: z.string(), status: surveySendResult.shape.status, reason: z.string().nullable(), sentAt: isoTime.nullable() }))
      .optional()
      .meta({ description: "Latest survey sends and their status (single-contact reads only)." }),
  })
  .meta({ id: "Contact" });

export const suppressionRequest = z
  .object({ email: z.email().trim().toLowerCase(), reason: z.enum(["bounced", "complained"]) })
  .meta({ id: "SuppressionRequest" });

export const apiError = z
  .object({
    error: z.string().meta({ description: "unauthorized, bad_request, not_found, conflict, rate_limited" }),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
  })
  .meta({ id: "Error" });
