import { addDays, addHours, addMinutes } from "date-fns";
import type { ExperimentGroup } from "@/lib/generated/prisma/enums";
import { categoryOf } from "@/lib/responses/nps";
import type { ResponseRow, SurveySendRow } from "./demo-feedback";
import type { FollowUpNoteRow, FollowUpRow } from "./demo-follow-ups";
import type { DemoRandom } from "./demo-random";

export type HoldoutAssignmentRow = { id: string; responseId: string; group: ExperimentGroup; holdoutPercent: number; assignedAt: Date };
export type PromoterInviteRow = { id: string; responseId: string; askedAt: Date; reviewClickedAt: Date | null; referralClickedAt: Date | null };
export type ResurveyRow = { id: string; responseId: string; group: ExperimentGroup; dueAt: Date; surveySendId: string; sentAt: Date };

export type LoopHistory = {
  assignments: HoldoutAssignmentRow[];
  resurveys: ResurveyRow[];
  /** The re-survey emails and their answers: ordinary sends and responses. */
  surveySends: SurveySendRow[];
  responses: ResponseRow[];
  /** Follow-ups of detractors who answered a re-survey with a detractor's score again. */
  followUps: FollowUpRow[];
  /** Promoters who clicked the review or referral invitation on their page. */
  promoterInvites: PromoterInviteRow[];
};

const HOLDOUT_PERCENT = 10;
const SLA_HOURS = 24;
const RESURVEY_AFTER_DAYS = 30;
const ANSWER_SHARE = 0.55;
// The field reports 81% of contacted detractors scoring higher later; left alone, far fewer do.
const RECOVERY_SHARE: Record<ExperimentGroup, number> = { contacted: 0.78, holdout: 0.42 };
const PROMOTER_CLICK_SHARE = { review: 0.22, referral: 0.08 };

/**
 * The loop as it would have run over the demo's history, so the experiment page has something to show: every
 * detractor old enough to have been re-surveyed was drawn into the holdout (10%), and the holdout's follow-ups
 * (and their notes) are taken out of `followUps` and `notes`. Closed follow-ups and holdout detractors got their
 * re-survey 30 days later; about half answered, contacted ones recovering more often. Some promoters clicked their
 * review or referral invitation.
 */
export function buildLoopHistory(
  random: DemoRandom,
  data: { surveySends: SurveySendRow[]; responses: ResponseRow[]; followUps: FollowUpRow[]; notes: FollowUpNoteRow[] },
  now: Date,
): LoopHistory {
  const { faker } = random;
  const history: LoopHistory = { assignments: [], resurveys: [], surveySends: [], responses: [], followUps: [], promoterInvites: [] };
  const sends = new Map(data.surveySends.map((send) => [send.id, send]));
  const followUpOf = new Map(data.followUps.map((followUp) => [followUp.responseId, followUp]));
  const withdrawn = new Set<string>();
  const latestDraw = addDays(now, -(RESURVEY_AFTER_DAYS + 2));

  for (const response of data.responses) {
    if (response.category === "promoter") {
      const clicked = (share: number) => (faker.datatype.boolean(share) ? addMinutes(response.respondedAt, 2) : null);
      const [reviewClickedAt, referralClickedAt] = [clicked(PROMOTER_CLICK_SHARE.review), clicked(PROMOTER_CLICK_SHARE.referral)];
      if (reviewClickedAt || referralClickedAt) {
        history.promoterInvites.push({ id: random.id(), responseId: response.id, askedAt: response.respondedAt, reviewClickedAt, referralClickedAt });
      }
      continue;
    }
    if (response.category !== "detractor" || response.respondedAt > latestDraw) continue;
    const group: ExperimentGroup = faker.number.int({ min: 0, max: 99 }) < HOLDOUT_PERCENT ? "holdout" : "contacted";
    history.assignments.push({ id: random.id(), responseId: response.id, group, holdoutPercent: HOLDOUT_PERCENT, assignedAt: response.respondedAt });
    const followUp = followUpOf.get(response.id);
    if (group === "holdout" && followUp) withdrawn.add(followUp.id);
    const loopEnded = group === "holdout" ? addHours(response.respondedAt, SLA_HOURS) : followUp?.closedAt;
    if (!loopEnded) continue;
    const dueAt = addDays(loopEnded, RESURVEY_AFTER_DAYS);
    if (dueAt >= now) continue;
    const send: SurveySendRow = { ...sends.get(response.surveySendId)!, id: random.id(), token: faker.string.alphanumeric(32), sentAt: dueAt };
    history.surveySends.push(send);
    history.resurveys.push({ id: random.id(), responseId: response.id, group, dueAt, surveySendId: send.id, sentAt: dueAt });
    const respondedAt = addMinutes(dueAt, faker.number.int({ min: 5, max: 900 }));
    if (!faker.datatype.boolean(ANSWER_SHARE) || respondedAt >= now) continue;
    const score = faker.datatype.boolean(RECOVERY_SHARE[group])
      ? faker.number.int({ min: response.score + 1, max: 10 })
      : faker.number.int({ min: 0, max: response.score });
    const answer: ResponseRow = {
      ...response,
      id: random.id(),
      surveySendId: send.id,
      score,
      category: categoryOf(score),
      comment: null,
      callbackConsent: false,
      callbackPhone: null,
      respondedAt,
      updatedAt: respondedAt,
    };
    history.responses.push(answer);
    if (answer.category === "detractor") history.followUps.push(closedFollowUp(random, answer, now));
  }

  const keep = <T>(rows: T[], isKept: (row: T) => boolean) => rows.splice(0, rows.length, ...rows.filter(isKept));
  keep(data.followUps, (followUp) => !withdrawn.has(followUp.id));
  keep(data.notes, (note) => !withdrawn.has(note.followUpId));
  return history;
}

/** A repeat detractor from the history: called back the same day and closed the next. */
function closedFollowUp(random: DemoRandom, response: ResponseRow, now: Date): FollowUpRow {
  const contactedAt = addHours(response.respondedAt, 3);
  const closedAt = addHours(response.respondedAt, 26);
  const settled = closedAt < now;
  return {
    id: random.id(),
    responseId: response.id,
    storeId: response.storeId,
    status: settled ? "closed" : "open",
    outcome: settled ? random.faker.helpers.arrayElement(["resolved", "not_resolved"] as const) : null,
    dueAt: addHours(response.respondedAt, SLA_HOURS),
    contactedAt: settled ? contactedAt : null,
    closedAt: settled ? closedAt : null,
    createdAt: response.respondedAt,
  };
}
