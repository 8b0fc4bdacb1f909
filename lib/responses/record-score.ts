import { addHours } from "date-fns";
import { db, type Prisma } from "../db";
import { isUniqueViolation } from "../forms/input-error";
import { categoryOf } from "./nps";
import { getSurveyLink, type SurveyLink } from "./survey-link";
import type { CommentInput } from "./schemas";
import { NotFoundError } from "../tenancy/tenant";

/**
 * One click on a score in the email. One response per send: a second click on another score changes it.
 * A detractor response opens a follow-up for its store; a response that stops being a detractor withdraws a
 * follow-up nobody has worked yet.
 */
export async function recordScore(token: string, score: number, now = new Date()) {
  const link = await getSurveyLink(token);
  try {
    return await db.$transaction((tx) => writeScore(tx, link, score, now));
  } catch (error) {
    // Two clicks racing on the same email: the loser retries as an update of the winner's response.
    if (!isUniqueViolation(error)) throw error;
    return db.$transaction((tx) => writeScore(tx, link, score, now));
  }
}

async function writeScore(tx: Prisma.TransactionClient, link: SurveyLink, score: number, now: Date) {
  const category = categoryOf(score);
  // Clicks racing on one email take turns here, so each sees the follow-up the one before it left.
  await tx.$queryRaw`SELECT 1 FROM "Response" WHERE "surveySendId" = ${link.id} FOR UPDATE`;
  const existing = await tx.response.findUnique({
    where: { surveySendId: link.id },
    include: { followUp: { include: { _count: { select: { notes: true } } } } },
  });
  const response = existing
    ? await tx.response.update({ where: { id: existing.id }, data: { score, category } })
    : await tx.response.create({
        data: {
          organizationId: link.organizationId,
          surveySendId: link.id,
          surveyId: link.surveyId,
          contactId: link.contactId,
          storeId: link.storeId,
          channel: link.channel,
          score,
          category,
          locale: link.locale,
          respondedAt: now,
        },
      });

  const followUp = existing?.followUp;
  if (category === "detractor" && !followUp) {
    await tx.followUp.create({
      data: {
        organizationId: link.organizationId,
        responseId: response.id,
        storeId: link.storeId,
        // Due from the moment the response became a detractor's, which is its first click or a later change.
        dueAt: addHours(now, link.survey.followUpSlaHours),
      },
    });
  } else if (category !== "detractor" && followUp?.status === "open" && followUp._count.notes === 0) {
    await tx.followUp.delete({ where: { id: followUp.id } });
  }
  return response;
}

/** The comment (and call-back consent) a customer adds on the landing page after their click. */
export async function saveComment(token: string, input: CommentInput) {
  const link = await getSurveyLink(token);
  if (!link.response) throw new NotFoundError("Response");
  return db.response.update({
    where: { id: link.response.id, organizationId: link.organizationId },
    data: {
      comment: input.comment || null,
      callbackConsent: input.callbackConsent,
      callbackPhone: input.callbackConsent ? input.callbackPhone : null,
    },
  });
}
