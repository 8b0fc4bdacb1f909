import { db, type Prisma } from "../db";
import { openLoop } from "../followups/open-loop";
import { isUniqueViolation } from "../forms/input-error";
import { enqueue } from "../jobs/job-queue";
import { categoryOf } from "./nps";
import { getSurveyLink, type SurveyLink } from "./survey-link";
import type { CommentInput } from "./schemas";
import { NotFoundError } from "../tenancy/tenant";
import { tagComment } from "../themes/tag-comments";
import { emitResponseEvent } from "../webhooks/payloads";

/**
 * One click on a score in the email. One response per send: a second click on another score changes it.
 * What the response starts (follow-up, alert, holdout, re-survey) is decided in lib/followups/open-loop.ts, in
 * the same transaction.
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

  await openLoop(tx, { survey: link.survey, response, followUp: existing?.followUp ?? null, now });
  if (!existing) await emitResponseEvent(tx, "response.created", response);
  else if (existing.score !== score) await emitResponseEvent(tx, "response.updated", response);
  return response;
}

/** The comment (and call-back consent) a customer adds on the landing page after their click. */
export async function saveComment(token: string, input: CommentInput) {
  const link = await getSurveyLink(token);
  if (!link.response) throw new NotFoundError("Response");
  const responseId = link.response.id;
  // Themes are tagged in the same transaction, so a comment is never stored without them.
  return db.$transaction(async (tx) => {
    const response = await tx.response.update({
      where: { id: responseId, organizationId: link.organizationId },
      data: {
        comment: input.comment || null,
        callbackConsent: input.callbackConsent,
        callbackPhone: input.callbackConsent ? input.callbackPhone : null,
      },
    });
    await tagComment(tx, { organizationId: link.organizationId }, response);
    await emitResponseEvent(tx, "response.updated", response);
    const before = link.response!;
    const firstWords = (response.comment !== null && before.comment === null) || (response.callbackConsent && !before.callbackConsent);
    // The alert left at the click; what the customer wrote since reaches the same people (the job re-checks who).
    if (firstWords && response.category !== "promoter") {
      await enqueue(tx, "alert", { organizationId: link.organizationId, responseId, commentAdded: true });
    }
    return response;
  });
}
