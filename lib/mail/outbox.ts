import { db } from "../db/client";
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
  return message;
}
