import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { filterSql, type ViewFilters } from "../analytics/filters";
import type { DateRange } from "../analytics/date-range";
import { isUniqueViolation } from "../forms/input-error";
import { getSurveyLink } from "../responses/survey-link";
import { NotFoundError, type Member } from "../tenancy/tenant";
import { referralShareUrl, reviewDestination } from "./promoter-links";

export const PROMOTER_CLICKS = ["review", "referral"] as const;
export type PromoterClick = (typeof PROMOTER_CLICKS)[number];

/**
 * The tracking redirect behind the promoter page's buttons: records the first click of each kind for the
 * response and answers where to send the customer (the review page, or the referral share page).
 */
export async function trackPromoterClick(token: string, kind: PromoterClick, now = new Date()): Promise<string> {
  const link = await getSurveyLink(token);
  const destination = kind === "review" ? reviewDestination(link) : link.survey.referralUrl;
  if (!link.response || !destination) throw new NotFoundError("Promoter link");
  const clickedField = kind === "review" ? "reviewClickedAt" : "referralClickedAt";
  const response = link.response;
  await db.$transaction(async (tx) => {
    await tx.promoterInvite.upsert({
      where: { responseId: response.id },
      create: { organizationId: link.organizationId, responseId: response.id, askedAt: response.respondedAt, [clickedField]: now },
      update: {},
    });
    await tx.promoterInvite.updateMany({
      where: { responseId: response.id, organizationId: link.organizationId, [clickedField]: null },
      data: { [clickedField]: now },
    });
  });
  return kind === "review" ? destination : `/r/${token}/share`;
}

/** The promoter's share link, giving the contact a referral code the first time. */
export async function referralLinkFor(token: string): Promise<{ shareUrl: string; link: Awaited<ReturnType<typeof getSurveyLink>> }> {
  const link = await getSurveyLink(token);
  if (!link.survey.referralUrl) throw new NotFoundError("Referral programme");
  const code = await ensureReferralCode(link.organizationId, link.contactId);
  return { shareUrl: referralShareUrl(link.survey.referralUrl, code), link };
}

async function ensureReferralCode(organizationId: string, contactId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const contact = await db.contact.findFirstOrThrow({ where: { id: contactId, organizationId }, select: { referralCode: true } });
    if (contact.referralCode) return contact.referralCode;
    // 8 hex characters: short enough to read out over the phone, too many to guess a neighbour's.
    const code = randomBytes(5).toString("hex").toUpperCase().slice(0, 8);
    try {
      await db.contact.updateMany({ where: { id: contactId, organizationId, referralCode: null }, data: { referralCode: code } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("Could not give the contact a referral code");
}

export type PromoterFunnel = { asked: number; clickedReview: number; clickedReferral: number };

/**
 * The part of an analytics view the funnel follows: its range and, when given, its stores (null: every store and
 * online), channel, survey and segment. Left out, stores are the member's own and the rest unfiltered.
 */
export type FunnelView = { range: DateRange } & Partial<ViewFilters>;

/**
 * Promoters who were invited (a review or referral link was on their page) in a view, and how many clicked each.
 * Store managers count their own stores only.
 */
export async function getPromoterFunnel(member: Member, view: FunnelView): Promise<PromoterFunnel> {
  const filters: ViewFilters = { storeIds: member.storeIds, channel: null, surveyId: null, segment: null, ...view };
  const rows = await db.$queryRaw<{ asked: bigint; review: bigint; referral: bigint }[]>`
    SELECT COUNT(*) AS asked, COUNT(pi."reviewClickedAt") AS review, COUNT(pi."referralClickedAt") AS referral
      FROM "Response" r
      JOIN "Survey" s ON s."id" = r."surveyId" AND s."organizationId" = r."organizationId"
      LEFT JOIN "Store" st ON st."id" = r."storeId" AND st."organizationId" = r."organizationId"
      LEFT JOIN "PromoterInvite" pi ON pi."responseId" = r."id" AND pi."organizationId" = r."organizationId"
     WHERE r."organizationId" = ${member.organizationId}
       AND r."category" = 'promoter'
       AND r."respondedAt" >= ${view.range.from} AND r."respondedAt" < ${view.range.to}
       AND (COALESCE(st."reviewUrl", s."reviewUrl") IS NOT NULL OR s."referralUrl" IS NOT NULL)
       ${filterSql(filters, "r")}`;
  const row = rows[0];
  return { asked: Number(row?.asked ?? 0), clickedReview: Number(row?.review ?? 0), clickedReferral: Number(row?.referral ?? 0) };
}
