import type { Prisma } from "../db/client";
import type { FollowUpEventType } from "../generated/prisma/enums";

export type FollowUpEventInput = {
  organizationId: string;
  followUpId: string;
  /** null: the system did it (opened, escalated, re-surveyed). */
  actorId: string | null;
  type: FollowUpEventType;
  detail?: string | null;
  at: Date;
};

/** One line of a follow-up's audit trail; written in the transaction of the change it describes. */
export function recordEvent(tx: Prisma.TransactionClient, event: FollowUpEventInput) {
  return tx.followUpEvent.create({
    data: {
      organizationId: event.organizationId,
      followUpId: event.followUpId,
      actorId: event.actorId,
      type: event.type,
      detail: event.detail ?? null,
      createdAt: event.at,
    },
  });
}

export const EVENT_LABELS: Record<FollowUpEventType, string> = {
  opened: "Opened",
  assigned: "Assigned",
  call_attempt: "Call attempt, no answer",
  contacted: "Reached the customer",
  note: "Added a note",
  root_cause: "Set the root cause",
  closed: "Closed",
  escalated: "Escalated (overdue)",
  resurvey_sent: "Re-survey sent",
};
