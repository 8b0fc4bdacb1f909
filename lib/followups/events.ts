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

