import { addDays, addSeconds } from "date-fns";
import { db, isTransactionClient, preparedQuery, type Prisma } from "../db/client";
import { usesOutbox } from "../env";
import { enqueue } from "../queue/enqueue";
import { sendMail, withSmtpConnection, type OutgoingMail } from "../mail/send-mail";
import type { Tenant } from "../tenancy/tenant";
import { markSent } from "./mark-sent";
import { suppressContact } from "./suppress-contact";
import { classifySmtpFailure } from "./smtp-failure";
import { reportSmtpUnreachable, smtpReachable } from "./smtp-outage";
import { surveyMessage, type MessageFacts } from "./survey-message";

export type DeliveryResult = "sent" | "skipped" | "suppressed" | "retrying" | "bounced" | "failed";

// Retries of a send that could not be handed over: 2 s, 4 s, 8 s … at most an hour apart, about six hours in all.
const MAX_ATTEMPTS = 15;
const MAX_BACKOFF_SECONDS = 3600;
// How long a worker waits out an SMTP outage before claiming anyway (and scheduling a retry if still down).
const OUTAGE_WAIT_MS = 30_000;

type Client = Prisma.TransactionClient | typeof db;

/**
 * The send job: delivers one queued send exactly once.
 *
 * The send is claimed first (queued → sending, committed) and only then handed to SMTP; a second job for the
 * same send, or a retry after a crash, finds it no longer queued and does nothing. After the server's reply it
 * becomes sent, bounced, failed, or queued again with a later job (not handed over, see smtp-failure.ts).
 * The crash window: a worker that dies between the server's 250 and the "sent" update leaves the send
 * "sending"; claims wait for a free SMTP connection (withSmtpConnection), so only sends in transfer can be left so.
 * Whether the server got it is unknown, so it is never re-sent automatically: the sending sweep marks
 * it failed ("unconfirmed") after the lease, for a person to look at. A graceful stop (SIGTERM) finishes the sends
 * in hand first, so only a hard crash can leave any, at most one per pooled SMTP connection in flight.
 * In demo mode (the outbox) claim, outbox row and "sent" commit in one transaction: exact by construction.
 */
export async function deliverSend(tenant: Tenant, surveySendId: string, now = new Date()): Promise<DeliveryResult> {
  if (usesOutbox()) return db.$transaction((tx) => attempt(tx, tenant, surveySendId, now, (mail) => sendMail({ ...mail, kind: "survey" }, tx)));
  await smtpReachable(OUTAGE_WAIT_MS);
  return withSmtpConnection(() => attempt(db, tenant, surveySendId, now, (mail) => sendMail({ ...mail, kind: "survey" })));
}

async function attempt(client: Client, tenant: Tenant, id: string, now: Date, transmit: (mail: OutgoingMail) => Promise<void>) {
  const [row] = await claim(client, tenant, id);
  if (!row) return "skipped";
  const send = { ...row, contact: { email: row.email, name: row.name }, ...(await brandAndTexts(client, row)) };
  // The contact may have opted out, bounced or been erased since the send was queued.
  if (row.unsubscribedAt || row.suppressedAt || row.erasedAt) {
    await settle(client, tenant, id, { status: "suppressed", statusReason: "Opted out or suppressed before it went out" });
    return "suppressed";
  }
  try {
    await transmit(await surveyMessage(send));
  } catch (error) {
    return settleFailure(client, tenant, send, error);
  }
  const sentAt = new Date();
  if (client === db) await markSent(tenant, id, sentAt);
  else await settle(client, tenant, id, { status: "sent", statusReason: null, sentAt });
  if (row.reminderAfterDays) {
    await enqueue(client, "surveyReminder", { organizationId: tenant.organizationId, surveySendId: id }, { startAfter: addDays(sentAt, row.reminderAfterDays) });
  }
  return "sent";
}

type ClaimedSend = {
  id: string;
  organizationId: string;
  surveyId: string;
  contactId: string;
  token: string;
  locale: string;
  attempts: number;
  email: string;
  name: string | null;
  unsubscribedAt: Date | null;
  suppressedAt: Date | null;
  erasedAt: Date | null;
  reminderAfterDays: number | null;
};

const CLAIM_SQL = `
    WITH claimed AS (
      UPDATE "SurveySend" SET "status" = 'sending', "claimedAt" = $1::timestamp(3), "attempts" = "attempts" + 1
       WHERE "id" = $2 AND "organizationId" = $3 AND "status" = 'queued'
       RETURNING "id", "organizationId", "surveyId", "contactId", "token", "locale", "attempts", "campaignId")
    SELECT s."id", s."organizationId", s."surveyId", s."contactId", s."token", s."locale", s."attempts",
           c."email", c."name", c."unsubscribedAt", c."suppressedAt", c."erasedAt", k."reminderAfterDays"
      FROM claimed s JOIN "Contact" c ON c."id" = s."contactId" AND c."organizationId" = s."organizationId"
      LEFT JOIN "Campaign" k ON k."id" = s."campaignId" AND k."organizationId" = s."organizationId"`;

/**
 * queued → sending, and what the email needs, in one statement: the claim is the status transition itself, so
 * of two workers running the same job exactly one gets a row back. One round trip, because there are hundreds of
 * sends a second. (Timestamps are written as UTC wall-clock, as Prisma does.) Over SMTP it is a statement prepared
 * on the pool's connection (lib/db/client.ts): through Prisma's $queryRaw, planned again on every call, it cost
 * the worker and Postgres more CPU than any other part of a send (bench:send, docs/benchmarks.md). The dates it
 * returns are only tested for presence. The outbox's claim runs in its transaction.
 */
function claim(client: Client, tenant: Tenant, id: string): Promise<ClaimedSend[]> {
  const values = [new Date().toISOString(), id, tenant.organizationId];
  if (isTransactionClient(client)) return client.$queryRawUnsafe<ClaimedSend[]>(CLAIM_SQL, ...values);
  return preparedQuery<ClaimedSend>("claim-send", CLAIM_SQL, values);
}

// The tenant's brand and the survey's texts change rarely and are the same for thousands of sends: read once a
// minute per process rather than twice per email. An edit shows in emails within that minute.
const TEXTS_TTL_MS = 60_000;
const brandCache = new Map<string, { at: number; value: Promise<Pick<MessageFacts, "organization" | "survey">> }>();

function brandAndTexts(client: Client, send: { organizationId: string; surveyId: string }) {
  const key = `${send.organizationId}:${send.surveyId}`;
  const cached = brandCache.get(key);
  if (cached && Date.now() - cached.at < TEXTS_TTL_MS) return cached.value;
  const value = Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: send.organizationId }, select: { name: true, brandColor: true, defaultLocale: true } }),
    client.survey.findFirstOrThrow({
      where: { id: send.surveyId, organizationId: send.organizationId },
      select: { texts: { select: { locale: true, emailSubject: true, question: true } } },
    }),
  ]).then(([organization, survey]) => ({ organization, survey }));
  value.catch(() => brandCache.delete(key));
  if (brandCache.size > 1000) brandCache.clear();
  brandCache.set(key, { at: Date.now(), value });
  return value;
}

function settle(client: Client, tenant: Tenant, id: string, data: Prisma.SurveySendUpdateManyMutationInput) {
  return client.surveySend.updateMany({ where: { id, organizationId: tenant.organizationId, status: "sending" }, data });
}

async function settleFailure(
  client: Client,
  tenant: Tenant,
  send: { id: string; attempts: number; contactId: string },
  error: unknown,
): Promise<DeliveryResult> {
  const verdict = classifySmtpFailure(error);
  if (verdict.kind === "bounced") {
    await settle(client, tenant, send.id, { status: "bounced", statusReason: verdict.reason });
    await suppressContact(tenant, send.contactId, "bounced");
    return "bounced";
  }
  if (verdict.kind === "retry" && send.attempts < MAX_ATTEMPTS) {
    if (verdict.unreachable) reportSmtpUnreachable();
    const retryAt = addSeconds(new Date(), Math.min(2 ** send.attempts, MAX_BACKOFF_SECONDS));
    await db.$transaction(async (tx) => {
      await settle(tx, tenant, send.id, { status: "queued", statusReason: `Retrying: ${verdict.reason}`, sendAfter: retryAt });
      await enqueue(tx, "surveySend", { organizationId: tenant.organizationId, surveySendId: send.id }, { startAfter: retryAt });
    });
    return "retrying";
  }
  await settle(client, tenant, send.id, { status: "failed", statusReason: verdict.reason });
  return "failed";
}
