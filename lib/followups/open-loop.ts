import { addDays } from "date-fns";
import type { Prisma } from "../db";
import type { Response } from "../generated/prisma/client";
import type { ResponseCategory } from "../generated/prisma/enums";
import { assignToExperiment } from "../experiments/holdout";
import { enqueue } from "../jobs/job-queue";
import type { LoopStore, LoopSurvey } from "../responses/click-link";
import { scheduleResurvey } from "../resurveys/schedule-resurvey";
import { dueTimeAfter } from "./due-time";
import { recordEvent } from "./events";
import { emitFollowUpEvent } from "../webhooks/payloads";

type ExistingFollowUp = { id: string; status: string; callAttempts: number; _count: { notes: number } };

export type LoopInput = {
  survey: LoopSurvey;
  /** The response's store (its hours set the due time), read with the click's link rather than under its locks. */
  store: LoopStore | null;
  /** The response answers a re-survey. */
  isResurveyAnswer: boolean;
  response: Response;
  /** This click created the response (so it has no holdout draw yet). */
  isNewResponse: boolean;
  /** The response's follow-up before this click, if any. */
  followUp: ExistingFollowUp | null;
  now: Date;
};

/**
 * Where a response becomes a follow-up (or not), called in the transaction that records the score:
 * - a detractor is drawn into the holdout experiment once; the holdout gets no follow-up, only the re-survey;
 * - every other detractor, and a passive when the survey says so, gets a follow-up with its due time, and the
 *   alert and the overdue escalation are queued in the same transaction;
 * - a response that no longer needs a follow-up withdraws one nobody has worked yet.
 */
export async function openLoop(tx: Prisma.TransactionClient, input: LoopInput): Promise<void> {
  const { survey, store, isResurveyAnswer, response, isNewResponse, followUp, now } = input;
  const tenant = { organizationId: response.organizationId };

  if (response.category === "detractor") {
    // The answer to a re-survey is the experiment's outcome, never a new subject of it: always followed up.
    const assignment = isResurveyAnswer
      ? null
      : await assignToExperiment(tx, {
          organizationId: tenant.organizationId,
          responseId: response.id,
          holdoutPercent: survey.holdoutPercent,
          now,
          drawnBefore: !isNewResponse,
        });
    if (assignment?.group === "holdout") {
      if (followUp) await withdrawIfUnworked(tx, followUp);
      // The same delay as a contacted detractor's: counted from when their follow-up would have been due.
      const wouldBeDue = dueTimeAfter(now, slaHoursFor(survey, store, "detractor"), store);
      await scheduleResurvey(tx, { ...tenant, responseId: response.id, group: "holdout", dueAt: addDays(wouldBeDue, survey.resurveyAfterDays) });
      return;
    }
    if (!followUp) await openFollowUp(tx, { survey, store, response, now });
    return;
  }
  if (response.category === "passive" && survey.passiveFollowUps) {
    if (!followUp) await openFollowUp(tx, { survey, store, response, now });
    return;
  }
  if (followUp) await withdrawIfUnworked(tx, followUp);
  if (response.category === "passive" && survey.alertPassives) {
    await enqueue(tx, "alert", { ...tenant, responseId: response.id });
  }
}

export function slaHoursFor(survey: LoopSurvey, store: LoopStore | null, category: ResponseCategory): number {
  if (category === "passive") return survey.passiveSlaHours;
  return store?.followUpSlaHours ?? survey.followUpSlaHours;
}

async function openFollowUp(
  tx: Prisma.TransactionClient,
  { survey, store, response, now }: { survey: LoopSurvey; store: LoopStore | null; response: Response; now: Date },
) {
  const organizationId = response.organizationId;
  // Due from the moment the response became one that needs a call, which is its first click or a later change.
  const dueAt = dueTimeAfter(now, slaHoursFor(survey, store, response.category), store);
  const followUp = await tx.followUp.create({
    data: { organizationId, responseId: response.id, storeId: response.storeId, dueAt, createdAt: now },
  });
  await recordEvent(tx, { organizationId, followUpId: followUp.id, actorId: null, type: "opened", at: now });
  await emitFollowUpEvent(tx, "followup.created", followUp);
  if (response.category === "detractor" || survey.alertPassives) {
    await enqueue(tx, "alert", { organizationId, responseId: response.id });
  }
  if (response.category === "detractor") {
    await enqueue(tx, "escalation", { organizationId, followUpId: followUp.id }, { startAfter: dueAt });
  }
}

/** An unworked follow-up (no note, no call, still open) disappears when its response no longer needs one. */
async function withdrawIfUnworked(tx: Prisma.TransactionClient, followUp: ExistingFollowUp) {
  if (followUp.status === "open" && followUp._count.notes === 0 && followUp.callAttempts === 0) {
    await tx.followUp.delete({ where: { id: followUp.id } });
  }
}
