import { randomUUID } from "node:crypto";
import { preparedQuery } from "../db/client";
import { jobInsertSubstatement } from "../queue/enqueue";
import { QUEUES } from "../queue/queues";
import { resolveLocale } from "../i18n/locales";
import { newSurveyToken } from "./survey-token";
import type { Tenant } from "../tenancy/tenant";
import { decideSend } from "./rules";
import { channelOf, contactFieldsOf, type SendFacts, type SendRequest, type SendSummary } from "./request-survey-send";

// Most sends an integration asks for in bulk are to customers the tenant has not told us of before. Through the
// general path (request-send.ts) each costs nine round trips in a transaction; here any number of them are
// written by one statement, which is its own transaction. A contact nobody knew has never been surveyed, opted out
// or bounced, so the rules need nothing from the database: the send is queued, after quiet hours if any.

export type NewContactSend = { request: SendRequest; facts: SendFacts };

/**
 * Creates the contacts, their sends and the sends' jobs. A request whose contact came into being meanwhile (the
 * email or externalId is taken: another request made it) or whose Idempotency-Key or transactionRef another
 * request took is skipped, having written no send: it maps to null, and the caller takes the general path for
 * it, which finds that contact or send.
 */
export async function writeNewContactSends(tenant: Tenant, sends: NewContactSend[], now: Date): Promise<(SendSummary | null)[]> {
  if (sends.length === 0) return [];
  const rows = sends.map(({ request, facts }) => {
    const verdict = decideSend({
      contact: { unsubscribedAt: null, suppressedAt: null, suppressionReason: null, erasedAt: null, lastSurveyedAt: null },
      policy: facts.policy,
      timeZone: facts.timeZone,
      requestedAt: request.sendAt ?? null,
      now,
    });
    const sendAfter = verdict.status === "queued" ? verdict.sendAfter : null;
    const contact = contactFieldsOf(request, now);
    return {
      contactId: randomUUID(),
      email: contact.email!,
      externalId: contact.externalId ?? null,
      name: contact.name ?? null,
      phone: contact.phone ?? null,
      locale: contact.locale ?? null,
      segment: contact.segment ?? null,
      attributes: contact.attributes ?? {},
      lastPurchaseAt: contact.lastPurchaseAt ?? null,
      storeId: request.storeId,
      sendId: randomUUID(),
      surveyId: facts.surveyId,
      channel: channelOf(request),
      token: newSurveyToken(),
      sendLocale: resolveLocale(contact.locale, facts.defaultLocale),
      sendAfter: sendAfter?.toISOString() ?? null,
      transactionRef: request.transactionRef ?? null,
      idempotencyKey: request.idempotencyKey ?? null,
      requestHash: request.requestHash ?? null,
      campaignId: request.campaignId ?? null,
    };
  });
  const statement = await newContactSendsStatement();
  const values = [JSON.stringify(rows), tenant.organizationId, now.toISOString(), ...statement.values];
  const written = await preparedQuery<{ id: string }>("new-contact-sends", statement.text, values);
  const writtenIds = new Set(written.map((row) => row.id));
  return rows.map((row): SendSummary | null => {
    if (!writtenIds.has(row.sendId)) return null;
    const sendAfter = row.sendAfter ? new Date(row.sendAfter) : null;
    return { id: row.sendId, contactId: row.contactId, status: "queued", statusReason: null, sendAfter, createdAt: now };
  });
}

// The rows arrive as one JSON array ($1), with the tenant ($2) and the time ($3), so the statement's text is the
// same for any batch and is planned once per connection. pg-boss's insert follows with its own parameters,
// renumbered after ours, its jobs read FROM the sends written: none for a skipped request.
const INPUT_COLUMNS = `"contactId" text, "email" text, "externalId" text, "name" text, "phone" text, "locale" text, "segment" text,
  "attributes" jsonb, "lastPurchaseAt" timestamp(3), "storeId" text, "sendId" text, "surveyId" text, "channel" "Channel",
  "token" text, "sendLocale" text, "sendAfter" text, "transactionRef" text, "idempotencyKey" text, "requestHash" text, "campaignId" text`;
const OWN_PARAMETERS = 3;

let statement: Promise<{ text: string; values: unknown[] }> | undefined;

function newContactSendsStatement() {
  statement ??= buildStatement();
  return statement;
}

async function buildStatement() {
  const jobs = `(SELECT json_agg(json_build_object('name', '${QUEUES.surveySend}', 'startAfter', i."sendAfter",
      'data', json_build_object('organizationId', $2::text, 'surveySendId', s."id"))) FROM sends s JOIN input i ON i."sendId" = s."id")`;
  const insert = await jobInsertSubstatement([{ kind: "surveySend", data: { organizationId: "", surveySendId: "" } }], jobs, OWN_PARAMETERS);
  const text = `WITH input AS (SELECT * FROM json_to_recordset($1::json) AS i(${INPUT_COLUMNS})),
  contacts AS (
    INSERT INTO "Contact" ("id", "organizationId", "email", "externalId", "name", "phone", "locale", "segment", "attributes", "lastPurchaseAt", "storeId", "createdAt")
    SELECT i."contactId", $2, i."email", i."externalId", i."name", i."phone", i."locale", i."segment", i."attributes", i."lastPurchaseAt", i."storeId", $3::timestamp(3)
      FROM input i
    ON CONFLICT DO NOTHING
    RETURNING "id"),
  sends AS (
    INSERT INTO "SurveySend" ("id", "organizationId", "surveyId", "contactId", "storeId", "channel", "token", "locale", "segment", "status",
                              "sendAfter", "createdAt", "sentAt", "transactionRef", "idempotencyKey", "requestHash", "campaignId")
    SELECT i."sendId", $2, i."surveyId", c."id", i."storeId", i."channel", i."token", i."sendLocale", i."segment", 'queued',
           i."sendAfter"::timestamp(3), $3::timestamp(3), $3::timestamp(3), i."transactionRef", i."idempotencyKey", i."requestHash", i."campaignId"
      FROM input i JOIN contacts c ON c."id" = i."contactId"
    ON CONFLICT DO NOTHING
    RETURNING "id"),
  jobs AS (${insert.text})
  SELECT "id" FROM sends`;
  return { text, values: insert.values };
}
