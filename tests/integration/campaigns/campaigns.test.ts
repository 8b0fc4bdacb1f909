import { subDays } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { countAudience } from "@/lib/campaigns/audience";
import { listCampaigns, startCampaign } from "@/lib/campaigns/campaigns";
import { previewCampaignEmails } from "@/lib/campaigns/preview";
import { runCampaign } from "@/lib/campaigns/run-campaign";
import { db } from "@/lib/db/client";
import { recordScore } from "@/lib/responses/record-score";
import { deliverSend } from "@/lib/sending/deliver-send";
import { sendSurveyReminder } from "@/lib/sending/reminder";
import { NotFoundError, type Tenant, type TenantWideMember } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { queuedJobs } from "@/tests/support/queued-jobs";

let tenant: Tenant;
let cx: TenantWideMember;
let storeId: string;
let surveyId: string;
const now = new Date();

const contact = (email: string, data: Record<string, unknown> = {}) =>
  db.contact.create({ data: { organizationId: tenant.organizationId, email, locale: "en", ...data } });

beforeAll(async () => {
  ({ tenant } = await createTenant("Campaign Shop"));
  cx = await createMember(tenant, "cx_manager");
  storeId = (await createTestStore(tenant, "Campaign Street")).id;
  surveyId = (await db.survey.findFirstOrThrow({ where: tenant })).id;
  await contact("gold-recent@example.test", { segment: "gold", storeId, lastPurchaseAt: subDays(now, 3), attributes: { city: "Kraków" } });
  await contact("gold-old@example.test", { segment: "gold", storeId, lastPurchaseAt: subDays(now, 60) });
  await contact("silver@example.test", { segment: "silver", storeId, lastPurchaseAt: subDays(now, 2), attributes: { city: "Kraków" } });
  await contact("gold-optout@example.test", { segment: "gold", storeId, lastPurchaseAt: subDays(now, 1), unsubscribedAt: subDays(now, 5) });
  await contact("gold-elsewhere@example.test", { segment: "gold", lastPurchaseAt: subDays(now, 1) });
});

const audience = { storeId: null, segment: null, attributeName: null, attributeValue: null, purchasedWithinDays: null };

describe("campaigns", () => {
  it("count a segment by store, segment, attribute and purchase window before sending, with how many may be mailed", async () => {
    expect(await countAudience(tenant, { ...audience, storeId, segment: "gold" })).toEqual({ total: 3, mailable: 2 });
    expect(await countAudience(tenant, { ...audience, storeId, segment: "gold", purchasedWithinDays: 30 })).toEqual({ total: 2, mailable: 1 });
    expect(await countAudience(tenant, { ...audience, attributeName: "city", attributeValue: "Kraków" })).toEqual({ total: 2, mailable: 2 });
  });

  it("preview the email in every language of the survey, with the brand's subject", async () => {
    const previews = await previewCampaignEmails(tenant, surveyId);

    expect(previews.map((p) => p.locale).sort()).toEqual(["de", "en", "fr", "nl", "pl"]);
    expect(previews.find((p) => p.locale === "de")!.subject).toBe("Wie war Ihr Besuch bei Campaign Shop?");
    expect(previews.find((p) => p.locale === "en")!.html).toContain("Hi Alex,");
  });

  it("send through the sending rules once per contact, even when the job runs twice, with progress by status", async () => {
    const surveyed = await db.contact.findFirstOrThrow({ where: { ...tenant, email: "gold-old@example.test" } });
    await db.surveySend.create({
      data: { organizationId: tenant.organizationId, surveyId, contactId: surveyed.id, channel: "store", token: "T".repeat(32), locale: "en", sentAt: subDays(now, 10) },
    });
    const campaign = await startCampaign(cx, { ...audience, storeId, segment: "gold", name: "Gold members", surveyId, reminderAfterDays: 3 });
    expect(await queuedJobs("campaign", "campaignId", campaign.id)).toHaveLength(1);

    await runCampaign(tenant, campaign.id);
    await db.campaign.update({ where: { id: campaign.id }, data: { finishedAt: null } });
    await runCampaign(tenant, campaign.id);

    const sends = await db.surveySend.findMany({ where: { campaignId: campaign.id }, include: { contact: true } });
    expect(sends.map((s) => [s.contact.email, s.status]).sort()).toEqual([
      ["gold-old@example.test", "throttled"],
      ["gold-optout@example.test", "suppressed"],
      ["gold-recent@example.test", "queued"],
    ]);
    const [listed] = await listCampaigns(tenant);
    expect(listed).toMatchObject({ id: campaign.id, audienceSize: 3, queuedCount: 3, progress: { queued: 1, sent: 0, refused: 2, failed: 0 } });

    const queued = sends.find((s) => s.status === "queued")!;
    await deliverSend(tenant, queued.id);
    const [reminderJob] = await queuedJobs("survey-reminder", "surveySendId", queued.id);
    expect(reminderJob!.start_after.getTime() - (await db.surveySend.findUniqueOrThrow({ where: { id: queued.id } })).sentAt.getTime()).toBe(3 * 86_400_000);
    expect((await listCampaigns(tenant))[0]!.progress).toEqual({ queued: 0, sent: 1, refused: 2, failed: 0 });
  });

  it("remind once those who have not answered, and nobody who has", async () => {
    const campaign = await startCampaign(cx, { ...audience, attributeName: "city", attributeValue: "Kraków", name: "Kraków", surveyId, reminderAfterDays: 2 });
    await db.sendingPolicy.upsert({ where: { organizationId: tenant.organizationId }, create: { ...tenant, throttleDays: 0 }, update: { throttleDays: 0 } });
    await runCampaign(tenant, campaign.id);
    const sends = await db.surveySend.findMany({ where: { campaignId: campaign.id }, include: { contact: true }, orderBy: { contact: { email: "asc" } } });
    for (const send of sends) await deliverSend(tenant, send.id);
    const [answered, silent] = sends;
    await recordScore(answered!.token, 9);

    expect(await sendSurveyReminder(tenant, answered!.id)).toEqual({ sent: false });
    expect(await sendSurveyReminder(tenant, silent!.id)).toEqual({ sent: true });
    expect(await sendSurveyReminder(tenant, silent!.id)).toEqual({ sent: false });

    const mails = await db.outboxMessage.findMany({ where: { to: silent!.contact.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual(["How was your visit to Campaign Shop?", "Reminder: How was your visit to Campaign Shop?"]);
    expect(mails[1]!.html).toContain(`/s/${silent!.token}/10`);
  });

  it("refuse another tenant's survey or store, and an empty segment", async () => {
    const { tenant: other } = await createTenant("Campaign Other");
    const foreignSurvey = await db.survey.findFirstOrThrow({ where: other });
    const foreignStore = await createTestStore(other);
    const input = { ...audience, name: "Nope", surveyId, reminderAfterDays: null };

    await expect(startCampaign(cx, { ...input, surveyId: foreignSurvey.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startCampaign(cx, { ...input, storeId: foreignStore.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startCampaign(cx, { ...input, segment: "platinum" })).rejects.toThrow(/No contact matches/);
  });
});
