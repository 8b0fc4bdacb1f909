import { randomUUID } from "node:crypto";
import { db, type Prisma } from "../db";
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
      if (!(await claim(tx, mail, now))) return "already-sent";
      await sendMail(mail, tx);
      await markSent(tx, mail.key, now);
      return "sent";
    });
  }
  return withSmtpConnection(async () => {
    if (!(await claim(db, mail, now))) return "already-sent";
    try {
      await sendMail(mail);
    } catch (error) {
      if (certainlyNotSent(error)) await db.mailDelivery.delete({ where: { key: mail.key } });
      throw error;
    }
    await markSent(db, mail.key, new Date());
    return "sent";
  });
}

async function claim(client: Prisma.TransactionClient, mail: MailOnce, now: Date): Promise<boolean> {
  const { count } = await client.mailDelivery.createMany({
    data: [
      { id: randomUUID(), key: mail.key, kind: mail.kind, to: mail.to, organizationId: mail.organizationId ?? null, claimedAt: now },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

function markSent(client: Prisma.TransactionClient, key: string, at: Date) {
  return client.mailDelivery.update({ where: { key }, data: { status: "sent", sentAt: at } });
}

// nodemailer's errors: a server reply code means the server answered "no"; these codes mean no message was handed over.
// A socket error while connecting ("CONN") happened before any message was handed over.
const NOT_HANDED_OVER = new Set(["ECONNECTION", "EDNS", "ETLS", "EAUTH", "EENVELOPE"]);

export function certainlyNotSent(error: unknown): boolean {
  const { responseCode, code, command } = (error ?? {}) as { responseCode?: number; code?: string; command?: string };
  if (typeof responseCode === "number" && responseCode >= 400) return true;
  return (code !== undefined && NOT_HANDED_OVER.has(code)) || (code === "ESOCKET" && command === "CONN");
}
