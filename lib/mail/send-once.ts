import { randomUUID } from "node:crypto";
import { db, preparedQuery, sqlParameters, type Prisma } from "../db/client";
import { usesOutbox } from "../env";
import { sendMail, withSmtpConnection, type OutgoingMail } from "./send-mail";

export type MailOnce = OutgoingMail & { key: string; kind: string };

/**
 * Sends a job's email at most once per key, however often the job is retried or crashes.
 *
 * The key is claimed (a unique MailDelivery row) before anything is sent. In demo mode the claim and the outbox
 * row commit in one transaction, so the mail exists exactly once. Over SMTP the claim commits first: a second
 * attempt finds it and sends nothing. If the server refused the mail or could not be reached, it certainly was not
 * sent, so the claim is released and the job's retry sends it. Any other failure (a timeout after the message was
 * handed over) leaves the claim "sending": never sent twice, and the jobs page shows it as unconfirmed. Claims are
 * made only when an SMTP connection is free (withSmtpConnection), so a crash can leave only messages in transfer.
 */
export async function sendMailOnce(mail: MailOnce, now = new Date()): Promise<"sent" | "already-sent"> {
  if (usesOutbox()) {
    return db.$transaction(async (tx) => {
      if (!(await claim(inTransaction(tx), mail, now))) return "already-sent";
      await sendMail(mail, tx);
      await markSent(inTransaction(tx), mail.key, now);
      return "sent";
    });
  }
  return withSmtpConnection(async () => {
    if (!(await claim(onPool, mail, now))) return "already-sent";
    try {
      await sendMail(mail);
    } catch (error) {
      if (certainlyNotSent(error)) await db.mailDelivery.delete({ where: { key: mail.key } });
      throw error;
    }
    await markSent(onPool, mail.key, new Date());
    return "sent";
  });
}

// Written as SQL rather than through Prisma: the worker claims and confirms nearly every email it sends (an alert
// per detractor), and Prisma's createMany and update cost 5 ms of CPU for the two, the prepared statements 0.5 ms.
const CLAIM_SQL = `INSERT INTO "MailDelivery" ("id", "key", "kind", "to", "organizationId", "claimedAt") VALUES ($1, $2, $3, $4, $5, $6::timestamp)
  ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
const MARK_SENT_SQL = `UPDATE "MailDelivery" SET "status" = 'sent', "sentAt" = $2::timestamp WHERE "key" = $1`;

/** Runs a statement on the process's pool (prepared) or, in demo mode, in the caller's transaction; times as UTC text. */
type RunStatement = (name: string, text: string, values: unknown[]) => Promise<unknown[]>;
const onPool: RunStatement = preparedQuery;
const inTransaction =
  (tx: Prisma.TransactionClient): RunStatement =>
  (_name, text, values) =>
    tx.$queryRawUnsafe(text, ...sqlParameters(values));

async function claim(run: RunStatement, mail: MailOnce, now: Date): Promise<boolean> {
  const claimed = await run("mail-claim", CLAIM_SQL, [randomUUID(), mail.key, mail.kind, mail.to, mail.organizationId ?? null, now]);
  return claimed.length === 1;
}

async function markSent(run: RunStatement, key: string, at: Date): Promise<void> {
  await run("mail-mark-sent", MARK_SENT_SQL, [key, at]);
}

// nodemailer's errors: a server reply code means the server answered "no"; these codes mean no message was handed over.
// A socket error while connecting ("CONN") happened before any message was handed over.
const NOT_HANDED_OVER = new Set(["ECONNECTION", "EDNS", "ETLS", "EAUTH", "EENVELOPE"]);

export function certainlyNotSent(error: unknown): boolean {
  const { responseCode, code, command } = (error ?? {}) as { responseCode?: number; code?: string; command?: string };
  if (typeof responseCode === "number" && responseCode >= 400) return true;
  return (code !== undefined && NOT_HANDED_OVER.has(code)) || (code === "ESOCKET" && command === "CONN");
}
