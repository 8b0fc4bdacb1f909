import { db } from "../db/client";
import { env } from "../env";
import { NotFoundError } from "../tenancy/tenant";

// The outbox only exists in demo mode (no SMTP_URL); routes check usesOutbox() before calling these.

export async function listOutboxMessages(limit = 100) {
  return db.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function getOutboxMessage(id: string) {
  const message = await db.outboxMessage.findUnique({ where: { id } });
  if (!message) throw new NotFoundError("Message");
  return { ...message, headerLines: headerLinesOf(message) };
}

/** The message's header block as a mail client shows it: the envelope's From, To, Subject and Date, then its own. */
function headerLinesOf(message: { to: string; subject: string; createdAt: Date; headers: unknown }): [string, string][] {
  const own = Object.entries((message.headers ?? {}) as Record<string, string>);
  return [["From", env().MAIL_FROM], ["To", message.to], ["Subject", message.subject], ["Date", message.createdAt.toUTCString()], ...own];
}
