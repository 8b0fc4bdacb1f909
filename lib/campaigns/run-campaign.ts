import { db } from "../db/client";
import { requestSurveySend } from "../sending/request-survey-send";
import type { Tenant } from "../tenancy/tenant";
import { audienceWhere } from "./audience";
import { audienceSchema } from "./schemas";

const BATCH = 200;

/**
 * The campaign job: walks the segment in id order and asks the sending engine for one send per contact, so the
 * sending rules apply as on every path. Each send's Idempotency-Key is the campaign and the contact: a job that
 * crashed and runs again skips whoever it reached already. The segment is read as it is when the job runs.
 */
export async function runCampaign(tenant: Tenant, campaignId: string, now = new Date()) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, organizationId: tenant.organizationId } });
  if (!campaign || campaign.finishedAt) return { queued: 0 };
  const scoped = { id: campaign.id, organizationId: tenant.organizationId };
  if (!campaign.startedAt) await db.campaign.update({ where: scoped, data: { startedAt: now } });
  const where = audienceWhere(tenant, audienceSchema.parse(campaign.audience), campaign.createdAt);
  const storeId = (campaign.audience as { storeId?: string | null }).storeId ?? null;
  let done = 0;
  for (let after: string | undefined; ; ) {
    const contacts = await db.contact.findMany({
      where: { ...where, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, email: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (contacts.length === 0) break;
    for (const contact of contacts) {
      await requestSurveySend(tenant, {
        contact: { email: contact.email },
        storeId,
        surveyId: campaign.surveyId,
        idempotencyKey: `campaign:${campaign.id}:${contact.id}`,
        campaignId: campaign.id,
      });
    }
    done += contacts.length;
    after = contacts[contacts.length - 1]!.id;
    await db.campaign.update({ where: scoped, data: { queuedCount: done } });
  }
  await db.campaign.update({ where: scoped, data: { finishedAt: new Date(), queuedCount: done } });
  return { queued: done };
}
