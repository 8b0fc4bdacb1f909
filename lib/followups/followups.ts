import { db } from "../db";
import { InputError } from "../forms/input-error";
import { NotFoundError, storeScope, type Member } from "../tenancy/tenant";
import { isOverdue } from "./overdue";
import type { CloseInput, NoteInput } from "./schemas";

const queueItem = {
  response: {
    select: {
      score: true,
      comment: true,
      callbackConsent: true,
      callbackPhone: true,
      respondedAt: true,
      channel: true,
      contact: { select: { name: true, email: true, phone: true } },
    },
  },
  store: { select: { name: true } },
} as const;

/**
 * The call-back queue: every unclosed follow-up the member may work, overdue ones first, then by due time.
 */
export async function listQueue(member: Member, options: { closedLimit?: number; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const where = { organizationId: member.organizationId, ...storeScope(member) };
  const [open, recentlyClosed] = await Promise.all([
    db.followUp.findMany({
      where: { ...where, status: { not: "closed" } },
      include: queueItem,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 500,
    }),
    db.followUp.findMany({
      where: { ...where, status: "closed" },
      include: queueItem,
      orderBy: { closedAt: "desc" },
      take: options.closedLimit ?? 10,
    }),
  ]);
  const overdueFirst = [...open].sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)));
  return { open: overdueFirst, recentlyClosed };
}

export type QueueItem = Awaited<ReturnType<typeof listQueue>>["open"][number];

export async function getFollowUp(member: Member, followUpId: string) {
  const followUp = await db.followUp.findFirst({
    where: { id: followUpId, organizationId: member.organizationId, ...storeScope(member) },
    include: {
      ...queueItem,
      notes: { include: { author: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!followUp) throw new NotFoundError("Follow-up");
  return followUp;
}

export async function markContacted(member: Member, followUpId: string, now = new Date()) {
  const followUp = await getFollowUp(member, followUpId);
  if (followUp.status === "closed") throw new InputError({ status: "This follow-up is closed already" });
  return db.followUp.update({
    where: { id: followUp.id, organizationId: member.organizationId },
    data: { status: "contacted", contactedAt: followUp.contactedAt ?? now },
  });
}

export async function addNote(member: Member, followUpId: string, input: NoteInput) {
  const followUp = await getFollowUp(member, followUpId);
  return db.followUpNote.create({
    data: { organizationId: member.organizationId, followUpId: followUp.id, authorId: member.userId, body: input.body },
  });
}

export async function closeFollowUp(member: Member, followUpId: string, input: CloseInput, now = new Date()) {
  const followUp = await getFollowUp(member, followUpId);
  if (followUp.status === "closed") throw new InputError({ outcome: "This follow-up is closed already" });
  return db.$transaction(async (tx) => {
    if (input.body) {
      await tx.followUpNote.create({
        data: { organizationId: member.organizationId, followUpId: followUp.id, authorId: member.userId, body: input.body },
      });
    }
    return tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: {
        status: "closed",
        outcome: input.outcome,
        closedAt: now,
        // Reaching someone is a contact; an unreachable customer was never contacted.
        contactedAt: followUp.contactedAt ?? (input.outcome === "unreachable" ? null : now),
      },
    });
  });
}
