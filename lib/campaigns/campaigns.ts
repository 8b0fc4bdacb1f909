import { recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import { InputError } from "../forms/input-error";
import { enqueue } from "../queue/enqueue";
import { getStore } from "../stores/stores";
import { getSurvey } from "../surveys/surveys";
import { NotFoundError, type Tenant, type TenantWideMember } from "../tenancy/tenant";
import { countAudience } from "./audience";
import { audienceSchema, type Audience, type CampaignInput } from "./schemas";

/**
 * Starts a campaign: checks the survey and store are the tenant's, counts the segment and queues the job. Its
 * audience is any of the tenant's contacts, so only a member who sees every store may start one.
 */
export async function startCampaign(member: TenantWideMember, input: CampaignInput, now = new Date()) {
  await getSurvey(member, input.surveyId);
  if (input.storeId) await getStore(member, input.storeId);
  const audience: Audience = audienceSchema.parse(input);
  const { total } = await countAudience(member, audience, now);
  if (total === 0) throw new InputError({ form: "No contact matches this segment" });
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        organizationId: member.organizationId,
        name: input.name,
        surveyId: input.surveyId,
        audience: audience as Prisma.InputJsonValue,
        reminderAfterDays: input.reminderAfterDays,
        audienceSize: total,
        createdAt: now,
      },
    });
    await enqueue(tx, "campaign", { organizationId: member.organizationId, campaignId: campaign.id });
    const detail = { name: input.name, surveyId: input.surveyId, audience, audienceSize: total, reminderAfterDays: input.reminderAfterDays };
    await recordAuditEvent(member, { action: "campaign_started", subject: campaign.id, detail: detail as Prisma.InputJsonObject }, tx);
    return campaign;
  });
}

export type CampaignProgress = Record<"queued" | "sent" | "refused" | "failed", number>;

/** The tenant's campaigns, newest first, each with its sends counted by where they are. */
export async function listCampaigns(tenant: Tenant, limit = 20) {
  const campaigns = await db.campaign.findMany({
    where: { organizationId: tenant.organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const counts = await db.surveySend.groupBy({
    by: ["campaignId", "status"],
    where: { organizationId: tenant.organizationId, campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  });
  return campaigns.map((campaign) => {
    const progress: CampaignProgress = { queued: 0, sent: 0, refused: 0, failed: 0 };
    for (const row of counts.filter((c) => c.campaignId === campaign.id)) {
      const bucket = row.status === "queued" || row.status === "sending" ? "queued" : row.status === "sent" ? "sent"
        : row.status === "throttled" || row.status === "suppressed" ? "refused" : "failed";
      progress[bucket] += row._count._all;
    }
    return { ...campaign, progress };
  });
}

export async function getCampaign(tenant: Tenant, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, organizationId: tenant.organizationId } });
  if (!campaign) throw new NotFoundError("Campaign");
  return campaign;
}
