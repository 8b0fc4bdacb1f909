import pLimit from "p-limit";
import { preparedQuery } from "../db/client";
import { logger } from "../logging/logger";
import type { Tenant } from "../tenancy/tenant";
import { writeNewContactSends, type NewContactSend } from "./new-contact-sends";
import { requestSurveySend, sendFacts, type SendFacts, type SendRequest, type SendSummary } from "./request-survey-send";

/** Each request's answer, in order: its send (the first one for a repeated request), or why there is none. */
export type SendResult = { ok: true; send: SendSummary; replayed: boolean } | { ok: false; error: unknown };

// Requests that need the database's facts (a known contact, a repeated key) run a few at a time.
const GENERAL_PATH_CONCURRENCY = 4;

/**
 * Many sends at once (the API's batch, and the single send as a batch of one), with the same outcome as
 * requestSurveySend for each. Requests for contacts the tenant has never had are written together in one
 * statement (new-contact-sends.ts); the rest take the general path, where requests naming the same contact or
 * key take turns in their order, so that the first of two sends to one contact is the one the throttle lets pass.
 */
export async function requestSurveySends(tenant: Tenant, requests: SendRequest[], now = new Date()): Promise<SendResult[]> {
  const results: SendResult[] = new Array(requests.length);
  const [facts, known] = await Promise.all([factsOf(tenant, requests), knownIdentities(tenant, requests)]);
  const fresh: (NewContactSend & { index: number })[] = [];
  const general: number[] = [];
  const seen = new Set<string>();
  requests.forEach((request, index) => {
    const identities = identitiesOf(request);
    const isFresh = Boolean(request.contact.email) && identities.every((identity) => !known.has(identity) && !seen.has(identity));
    for (const identity of identities) seen.add(identity);
    const requestFacts = facts.get(factsKey(request));
    if (requestFacts instanceof Error) results[index] = { ok: false, error: requestFacts };
    else if (isFresh) fresh.push({ index, request, facts: requestFacts! });
    else general.push(index);
  });
  const written = await writeNewContactSends(tenant, fresh, now).catch((error: unknown) => {
    // One statement writes them all, so one bad row fails every one of them: each goes down the general path on
    // its own instead, where only the bad one fails.
    logger().warn({ err: error }, "new-contact sends fell back to one at a time");
    return fresh.map(() => null);
  });
  written.forEach((send, i) => {
    if (send) results[fresh[i]!.index] = { ok: true, send, replayed: false };
    else general.push(fresh[i]!.index);
  });
  await inTurns(general.sort((a, b) => a - b), requests, async (index) => {
    try {
      const request = requests[index]!;
      results[index] = { ok: true, ...(await requestSurveySend(tenant, request, now, facts.get(factsKey(request)) as SendFacts)) };
    } catch (error) {
      results[index] = { ok: false, error };
    }
  });
  return results;
}

/** Runs `work` for each index, a few at once, each after the earlier ones that share an identity with it. */
async function inTurns(indexes: number[], requests: SendRequest[], work: (index: number) => Promise<void>) {
  const limit = pLimit(GENERAL_PATH_CONCURRENCY);
  const latest = new Map<string, Promise<void>>();
  await Promise.all(
    indexes.map((index) => {
      const identities = identitiesOf(requests[index]!);
      const before = identities.flatMap((identity) => latest.get(identity) ?? []);
      const run = Promise.all(before).then(() => limit(() => work(index)));
      for (const identity of identities) latest.set(identity, run);
      return run;
    }),
  );
}

function identitiesOf(request: SendRequest): string[] {
  return [
    ...(request.contact.email ? [`email:${request.contact.email}`] : []),
    ...(request.contact.externalId ? [`externalId:${request.contact.externalId}`] : []),
    ...(request.idempotencyKey ? [`key:${request.idempotencyKey}`] : []),
    ...(request.transactionRef ? [`ref:${request.transactionRef}`] : []),
  ];
}

const factsKey = (request: Pick<SendRequest, "storeId" | "surveyId">) => `${request.storeId ?? ""}|${request.surveyId ?? ""}`;

/** The rules' facts for each store and survey the requests name (a batch names few); an unknown one, its error. */
async function factsOf(tenant: Tenant, requests: SendRequest[]): Promise<Map<string, SendFacts | Error>> {
  const distinct = new Map(requests.map((request) => [factsKey(request), request]));
  const entries = await Promise.all(
    [...distinct].map(async ([key, request]) => [key, await sendFacts(tenant, request).catch((error: Error) => error)] as const),
  );
  return new Map(entries);
}

/** Which of the requests' emails, externalIds, Idempotency-Keys and transactionRefs the tenant already has. */
async function knownIdentities(tenant: Tenant, requests: SendRequest[]): Promise<Set<string>> {
  const list = (pick: (request: SendRequest) => string | null | undefined) => requests.flatMap((request) => pick(request) ?? []);
  const rows = await preparedQuery<{ kind: string; value: string | null }>("known-send-identities", KNOWN_IDENTITIES_SQL, [
    tenant.organizationId,
    list((r) => r.contact.email),
    list((r) => r.contact.externalId),
    list((r) => r.idempotencyKey),
    list((r) => r.transactionRef),
  ]);
  return new Set(rows.filter((row) => row.value !== null).map((row) => `${row.kind}:${row.value}`));
}

const KNOWN_IDENTITIES_SQL = `
  SELECT 'email' AS "kind", "email" AS "value" FROM "Contact" WHERE "organizationId" = $1 AND "email" = ANY($2::text[])
  UNION ALL SELECT 'externalId', "externalId" FROM "Contact" WHERE "organizationId" = $1 AND "externalId" = ANY($3::text[])
  UNION ALL SELECT 'key', "idempotencyKey" FROM "SurveySend" WHERE "organizationId" = $1 AND "idempotencyKey" = ANY($4::text[])
  UNION ALL SELECT 'ref', "transactionRef" FROM "SurveySend" WHERE "organizationId" = $1 AND "transactionRef" = ANY($5::text[])`;
