import { db, type Prisma } from "../db/client";
import { openLoop } from "../followups/open-loop";
import { isUniqueViolation } from "../forms/input-error";
import { enqueue } from "../queue/enqueue";
import { categoryOf } from "./nps";
import { getClickLink, type ClickLink } from "./click-link";
import { recordFirstClick } from "./first-click";
import { classifyClick, clickUserAgent, holdAgentClick, lockEmail, screenClick, type ClickVerdict } from "./scanner-guard";
import { getSurveyLink } from "./survey-link";
import type { CommentInput } from "./schemas";
import { NotFoundError } from "../tenancy/tenant";
import { tagComment } from "../themes/tag-comments";
import { presetWebhookEndpoints } from "../webhooks/emit-event";
import { emitResponseEvent } from "../webhooks/payloads";

/**
 * A click on a score in the email, as the link in the email makes it: screened for link scanners
 * (lib/responses/scanner-guard.ts) and, when it looks like a person's, recorded in the same transaction. The
 * first click on an email, with nothing to screen it against, is written in one statement (./first-click.ts).
 */
export async function recordClick(link: ClickLink, score: number, headers: Headers, now = new Date()): Promise<ClickVerdict> {
  if (classifyClick(headers) === "non_browser") {
    await holdAgentClick(link, score, headers, now);
    return "held_agent";
  }
  if (await recordFirstClick(link, score, clickUserAgent(headers), now)) return "recorded";
  return retryingRace(() =>
    db.$transaction(async (tx) => {
      await lockEmail(tx, link.id);
      const verdict = await screenClick(tx, link, score, headers, now);
      if (verdict === "recorded") await writeScore(tx, link, score, now);
      return verdict;
    }),
  );
}

/**
 * One score recorded without screening (a person confirmed it on the page). One response per send: a second click
 * on another score changes it. What the response starts (follow-up, alert, holdout, re-survey) is decided in
 * lib/followups/open-loop.ts, in the same transaction.
 */
export async function recordScore(linkOrToken: ClickLink | string, score: number, now = new Date()) {
  const link = typeof linkOrToken === "string" ? await getClickLink(linkOrToken) : linkOrToken;
  return retryingRace(() =>
    db.$transaction(async (tx) => {
      await lockEmail(tx, link.id);
      return writeScore(tx, link, score, now);
    }),
  );
}

// Clicks take the email's lock, so they never race to create its response; a writer that does not (a seed, an
// import) still could, and then the loser retries as an update of the winner's response.
async function retryingRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}

type ExistingResponse = { id: string; score: number; followUpId: string | null; status: string | null; callAttempts: number | null; notes: number };

async function writeScore(tx: Prisma.TransactionClient, link: ClickLink, score: number, now: Date) {
  const category = categoryOf(score);
  const tenant = { organizationId: link.organizationId };
  // Under the email's lock, so this read sees what the click before left. The row lock also makes writers that do
  // not take the email's lock (a comment being saved) wait; its join must not be trusted after such a wait, but
  // those writers leave the follow-up alone.
  const [existing] = await tx.$queryRaw<ExistingResponse[]>`
    SELECT r."id", r."score", f."id" AS "followUpId", f."status"::text AS "status", f."callAttempts",
           (SELECT count(*)::int FROM "FollowUpNote" n WHERE n."followUpId" = f."id" AND n."organizationId" = f."organizationId") AS "notes"
      FROM "Response" r LEFT JOIN "FollowUp" f ON f."responseId" = r."id" AND f."organizationId" = r."organizationId"
     WHERE r."surveySendId" = ${link.id} AND r."organizationId" = ${link.organizationId}
       FOR UPDATE OF r`;
  // Read with the link, not after the response is written: from that write to the commit, the click holds the
  // rollup's rows (FeedbackRollup, kept by triggers of migration 20261123100000_analytics) that every click of the
  // day for this store and survey also needs.
  presetWebhookEndpoints(tx, tenant, link.webhookEndpoints);
  const response = existing
    ? await tx.response.update({ where: { id: existing.id, organizationId: link.organizationId }, data: { score, category } })
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

  const followUp =
    existing?.followUpId != null
      ? { id: existing.followUpId, status: existing.status!, callAttempts: existing.callAttempts!, _count: { notes: existing.notes } }
      : null;
  await openLoop(tx, {
    survey: link.survey,
    store: link.store,
    isResurveyAnswer: link.isResurveyAnswer,
    response,
    isNewResponse: !existing,
    followUp,
    now,
  });
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
