import { addDays } from "date-fns";
import { db, type Prisma } from "../db/client";
import { InputError } from "../forms/input-error";
import { scheduleResurvey } from "../resurveys/schedule-resurvey";
import { NotFoundError, storeScope, tenantOf, type Member } from "../tenancy/tenant";
import { recordEvent } from "./events";
import { emitFollowUpEvent } from "../webhooks/payloads";
import { isOverdue } from "./overdue";
import { getRootCause } from "./root-causes";
import type { AssignInput, CloseInput, NoteInput } from "./schemas";

const personName = { select: { user: { select: { name: true, email: true } } } } as const;

const queueItem = {
  response: {
    select: {
      score: true,
      category: true,
      comment: true,
      callbackConsent: true,
      callbackPhone: true,
      respondedAt: true,
      channel: true,
      contact: { select: { name: true, email: true, phone: true } },
    },
  },
  store: { select: { name: true, timeZone: true } },
  assignee: personName,
  rootCause: { select: { label: true } },
} as const;

/**
 * The call-back queue: every unclosed follow-up the member may work. Overdue first, then detractors before
 * passives (lower priority), then by due time.
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
  const rank = (item: (typeof open)[number]) =>
    (isOverdue(item, now) ? 0 : 2) + (item.response.category === "detractor" ? 0 : 1);
  return { open: [...open].sort((a, b) => rank(a) - rank(b)), recentlyClosed };
}

export type QueueItem = Awaited<ReturnType<typeof listQueue>>["open"][number];

export async function getFollowUp(member: Member, followUpId: string) {
  const followUp = await db.followUp.findFirst({
    where: { id: followUpId, organizationId: member.organizationId, ...storeScope(member) },
    include: {
      ...queueItem,
      notes: { include: { author: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      events: { include: { actor: { select: { name: true, email: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!followUp) throw new NotFoundError("Follow-up");
  return followUp;
}

export type FollowUpDetail = Awaited<ReturnType<typeof getFollowUp>>;

/** Loads the follow-up within the member's scope, refuses a closed one, and runs `work` in one transaction. */
async function workOn<T>(
  member: Member,
  followUpId: string,
  work: (tx: Prisma.TransactionClient, followUp: FollowUpDetail) => Promise<T>,
): Promise<T> {
  const followUp = await getFollowUp(member, followUpId);
  if (followUp.status === "closed") throw new InputError({ form: "This follow-up is closed already" });
  return db.$transaction((tx) => work(tx, followUp));
}

const event = (member: Member, followUp: { id: string }, at: Date) => ({
  organizationId: member.organizationId,
  followUpId: followUp.id,
  actorId: member.userId,
  at,
});

/** Hands the follow-up to a colleague who can see its store, or back to nobody. */
export async function assignFollowUp(member: Member, followUpId: string, input: AssignInput, now = new Date()) {
  const followUp = await getFollowUp(member, followUpId);
  const assignee = input.membershipId ? await findAssignee(member, input.membershipId, followUp.storeId) : null;
  return workOn(member, followUpId, async (tx) => {
    const detail = assignee ? `to ${assignee.user.name ?? assignee.user.email}` : "to nobody";
    await recordEvent(tx, { ...event(member, followUp, now), type: "assigned", detail });
    return tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: { assigneeId: assignee?.id ?? null },
    });
  });
}

async function findAssignee(member: Member, membershipId: string, storeId: string | null) {
  const assignee = await db.membership.findFirst({
    where: { id: membershipId, organizationId: member.organizationId },
    include: { user: { select: { name: true, email: true } }, stores: { select: { storeId: true } } },
  });
  if (!assignee) throw new NotFoundError("Member");
  const seesStore = assignee.role !== "store_manager" || assignee.stores.some((store) => store.storeId === storeId);
  if (!seesStore) throw new InputError({ membershipId: "This person cannot see this store's follow-ups" });
  return assignee;
}

/** A call that did not reach the customer: counted, and kept in the trail; the follow-up stays to be called. */
export async function logCallAttempt(member: Member, followUpId: string, now = new Date()) {
  return workOn(member, followUpId, async (tx, followUp) => {
    await recordEvent(tx, { ...event(member, followUp, now), type: "call_attempt" });
    return tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: { callAttempts: { increment: 1 } },
    });
  });
}

/** Reached the customer: the first time is the follow-up's time to first contact. */
export async function markContacted(member: Member, followUpId: string, now = new Date()) {
  return workOn(member, followUpId, async (tx, followUp) => {
    if (!followUp.contactedAt) await recordEvent(tx, { ...event(member, followUp, now), type: "contacted" });
    return tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: { status: "contacted", contactedAt: followUp.contactedAt ?? now },
    });
  });
}

export async function addNote(member: Member, followUpId: string, input: NoteInput, now = new Date()) {
  const followUp = await getFollowUp(member, followUpId);
  return db.$transaction(async (tx) => {
    await recordEvent(tx, { ...event(member, followUp, now), type: "note" });
    return tx.followUpNote.create({
      data: { organizationId: member.organizationId, followUpId: followUp.id, authorId: member.userId, body: input.body, createdAt: now },
    });
  });
}

export async function setRootCause(member: Member, followUpId: string, rootCauseId: string, now = new Date()) {
  const cause = await getRootCause(tenantOf(member), rootCauseId);
  return workOn(member, followUpId, async (tx, followUp) => {
    await recordEvent(tx, { ...event(member, followUp, now), type: "root_cause", detail: cause.label });
    return tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: { rootCauseId: cause.id },
    });
  });
}

type CloseFields = Pick<CloseInput, "outcome" | "body"> & Partial<Pick<CloseInput, "rootCauseId" | "resolution">>;

/**
 * Closes with an outcome (and optionally root cause, resolution, a closing note), and plans the contact's
 * re-survey the survey's number of days later: the measure of whether the call changed their mind.
 */
export async function closeFollowUp(member: Member, followUpId: string, input: CloseFields, now = new Date()) {
  const cause = input.rootCauseId ? await getRootCause(tenantOf(member), input.rootCauseId) : null;
  return workOn(member, followUpId, async (tx, followUp) => {
    if (input.body) {
      await tx.followUpNote.create({
        data: { organizationId: member.organizationId, followUpId: followUp.id, authorId: member.userId, body: input.body, createdAt: now },
      });
    }
    await recordEvent(tx, { ...event(member, followUp, now), type: "closed", detail: input.outcome.replace("_", " ") });
    const closed = await tx.followUp.update({
      where: { id: followUp.id, organizationId: member.organizationId },
      data: {
        status: "closed",
        outcome: input.outcome,
        closedAt: now,
        resolution: input.resolution ?? followUp.resolution,
        rootCauseId: cause?.id ?? followUp.rootCauseId,
        // Reaching someone is a contact; an unreachable customer was never contacted.
        contactedAt: followUp.contactedAt ?? (input.outcome === "unreachable" ? null : now),
      },
      include: { response: { select: { survey: { select: { resurveyAfterDays: true } } } } },
    });
    await scheduleResurvey(tx, {
      organizationId: member.organizationId,
      responseId: closed.responseId,
      group: "contacted",
      dueAt: addDays(now, closed.response.survey.resurveyAfterDays),
    });
    await emitFollowUpEvent(tx, "followup.closed", closed);
    return closed;
  });
}
