import { addDays } from "date-fns";
import type { Prisma } from "../db/client";
import type { Response, Store, Survey } from "../generated/prisma/client";
import type { ExperimentGroup, ResponseCategory } from "../generated/prisma/enums";
import { assignToExperiment } from "../experiments/holdout";
import { enqueue } from "../queue/enqueue";
import { scheduleResurvey } from "../resurveys/schedule-resurvey";
import { dueTimeAfter } from "./due-time";
import { recordEvent } from "./events";
import { emitFollowUpEvent } from "../webhooks/payloads";
import type { Tenant } from "../tenancy/tenant";

/** The survey settings that decide what a response starts. */
export type LoopSurvey = Pick<
  Survey,
  "followUpSlaHours" | "passiveSlaHours" | "alertPassives" | "passiveFollowUps" | "resurveyAfterDays" | "holdoutPercent"
>;

/** The store's call-back time and business hours, which set a follow-up's due time. */
export type LoopStore = Pick<Store, "followUpSlaHours" | "timeZone" | "opensAt" | "closesAt" | "openDays">;

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

/** What a response starts, decided by planLoop; written by openLoop, or in one statement by the first click. */
export type LoopPlan = {
  /** Withdraw the response's follow-up, if nobody has worked it yet. */
  withdrawFollowUp: boolean;
  /** Open a follow-up due then; `escalate` queues the overdue escalation for that time. */
  followUp: { dueAt: Date; escalate: boolean } | null;
  /** Queue the managers' alert. */
  alert: boolean;
  /** The holdout's re-survey, due then. */
  resurveyDueAt: Date | null;
};

export type LoopPlanInput = Pick<LoopInput, "survey" | "store" | "now"> & {
  category: ResponseCategory;
  /** The detractor's holdout group; null outside the experiment (not a detractor, or a re-survey's answer). */
  group: ExperimentGroup | null;
  hasFollowUp: boolean;
};

/**
 * Where a response becomes a follow-up (or not):
 * - a detractor is drawn into the holdout experiment once; the holdout gets no follow-up, only the re-survey;
 * - every other detractor, and a passive when the survey says so, gets a follow-up with its due time, the alert
 *   and (a detractor's) overdue escalation;
 * - a response that no longer needs a follow-up withdraws one nobody has worked yet.
 */
export function planLoop({ survey, store, category, group, hasFollowUp, now }: LoopPlanInput): LoopPlan {
  const none: LoopPlan = { withdrawFollowUp: false, followUp: null, alert: false, resurveyDueAt: null };
  if (category === "detractor" && group === "holdout") {
    // The same delay as a contacted detractor's: counted from when their follow-up would have been due.
    const wouldBeDue = dueTimeAfter(now, slaHoursFor(survey, store, "detractor"), store);
    return { ...none, withdrawFollowUp: hasFollowUp, resurveyDueAt: addDays(wouldBeDue, survey.resurveyAfterDays) };
  }
  if (category === "detractor" || (category === "passive" && survey.passiveFollowUps)) {
    if (hasFollowUp) return none;
    // Due from the moment the response became one that needs a call, which is its first click or a later change.
    const dueAt = dueTimeAfter(now, slaHoursFor(survey, store, category), store);
    const escalate = category === "detractor";
    return { ...none, followUp: { dueAt, escalate }, alert: escalate || survey.alertPassives };
  }
  return { ...none, withdrawFollowUp: hasFollowUp, alert: category === "passive" && survey.alertPassives };
}

/** planLoop in the transaction that records the score, for a response that may have been drawn and followed up before. */
export async function openLoop(tx: Prisma.TransactionClient, input: LoopInput): Promise<void> {
  const { survey, store, isResurveyAnswer, response, isNewResponse, followUp, now } = input;
  const tenant = { organizationId: response.organizationId };
  // The answer to a re-survey is the experiment's outcome, never a new subject of it: always followed up.
  const assignment =
    response.category === "detractor" && !isResurveyAnswer
      ? await assignToExperiment(tx, {
          ...tenant,
          responseId: response.id,
          holdoutPercent: survey.holdoutPercent,
          now,
          drawnBefore: !isNewResponse,
        })
      : null;
  const plan = planLoop({ survey, store, now, category: response.category, group: assignment?.group ?? null, hasFollowUp: !!followUp });

  if (plan.withdrawFollowUp && followUp) await withdrawIfUnworked(tx, tenant, followUp);
  if (plan.resurveyDueAt) {
    await scheduleResurvey(tx, { ...tenant, responseId: response.id, group: "holdout", dueAt: plan.resurveyDueAt });
  }
  if (plan.followUp) {
    const opened = await tx.followUp.create({
      data: { ...tenant, responseId: response.id, storeId: response.storeId, dueAt: plan.followUp.dueAt, createdAt: now },
    });
    await recordEvent(tx, { ...tenant, followUpId: opened.id, actorId: null, type: "opened", at: now });
    await emitFollowUpEvent(tx, "followup.created", opened);
    if (plan.followUp.escalate) {
      await enqueue(tx, "escalation", { ...tenant, followUpId: opened.id }, { startAfter: plan.followUp.dueAt });
    }
  }
  if (plan.alert) await enqueue(tx, "alert", { ...tenant, responseId: response.id });
}

export function slaHoursFor(survey: LoopSurvey, store: LoopStore | null, category: ResponseCategory): number {
  if (category === "passive") return survey.passiveSlaHours;
  return store?.followUpSlaHours ?? survey.followUpSlaHours;
}

/** An unworked follow-up (no note, no call, still open) disappears when its response no longer needs one. */
async function withdrawIfUnworked(tx: Prisma.TransactionClient, tenant: Tenant, followUp: ExistingFollowUp) {
  if (followUp.status === "open" && followUp._count.notes === 0 && followUp.callAttempts === 0) {
    await tx.followUp.delete({ where: { id: followUp.id, organizationId: tenant.organizationId } });
  }
}
