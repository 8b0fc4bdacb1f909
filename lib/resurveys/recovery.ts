import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";

export type Recovery = { originalScore: number; newScore: number; recovered: boolean; nowPassiveOrPromoter: boolean } | null;

/**
 * The re-survey's verdict on one response: answered with a higher score = recovered, and whether the contact is
 * now a passive or promoter. Null until the re-survey is answered.
 */
export async function recoveryOf(tenant: Tenant, responseId: string): Promise<Recovery> {
  const resurvey = await db.resurvey.findFirst({
    where: { responseId, organizationId: tenant.organizationId },
    select: { response: { select: { score: true } }, surveySend: { select: { response: { select: { score: true, category: true } } } } },
  });
  const answer = resurvey?.surveySend?.response;
  if (!resurvey || !answer) return null;
  const originalScore = resurvey.response.score;
  return {
    originalScore,
    newScore: answer.score,
    recovered: answer.score > originalScore,
    nowPassiveOrPromoter: answer.category !== "detractor",
  };
}

/** The re-survey of a follow-up's response as the item page shows it: when it is due, sent, answered. */
export async function resurveyOf(tenant: Tenant, responseId: string) {
  return db.resurvey.findFirst({
    where: { responseId, organizationId: tenant.organizationId },
    select: { dueAt: true, sentAt: true, group: true },
  });
}
