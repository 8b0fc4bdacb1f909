import { db } from "@/lib/db/client";

/** The latest survey email the outbox holds for an address (SMTP_URL is unset in tests). */
export async function surveyEmailTo(email: string) {
  return db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
}

/** The score links of an email's HTML part, in the order the buttons appear. */
export function scoreLinksIn(html: string): string[] {
  return [...html.matchAll(/href="([^"]+\/s\/[A-Za-z0-9_-]+\/\d+)"/g)].map((match) => match[1]!);
}
