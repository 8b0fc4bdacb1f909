import { deliverFollowUpAlert } from "../alerts/deliver-alert";
import { escalateFollowUp } from "../alerts/escalate";
import { runCampaign } from "../campaigns/run-campaign";
import { enqueueWeeklyDigests, sendStoreDigest } from "../digests/send-digests";
import { forgetAbandonedSignIns } from "../identity/abandoned-sign-ins";
import { metrics } from "../metrics/metrics";
import { applyRetentionEverywhere } from "../privacy/retention";
import type { JobData, JobKind } from "../queue/queues";
import { sendResurvey } from "../resurveys/send-resurvey";
import { deliverSend } from "../sending/deliver-send";
import { sendSurveyReminder } from "../sending/reminder";
import { sweepSends } from "../sending/sweep-sends";
import { runThemeRetag } from "../themes/retag";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import { sweepDueWork } from "./sweep-due-work";

const tenantOf = (data: { organizationId: string }) => ({ organizationId: data.organizationId });

/** What each job does: a call into lib/, which re-checks the facts when it runs and is safe to run twice. */
export const HANDLERS: { [K in JobKind]: (data: JobData[K]) => Promise<unknown> } = {
  alert: (data) => deliverFollowUpAlert(tenantOf(data), data.responseId, { commentAdded: data.commentAdded ?? false }),
  escalation: (data) => escalateFollowUp(tenantOf(data), data.followUpId),
  resurvey: (data) => sendResurvey(tenantOf(data), data.resurveyId),
  storeDigest: (data) => sendStoreDigest(tenantOf(data), data.storeId, data.weekStart),
  weeklyDigests: () => enqueueWeeklyDigests(),
  sweep: () => sweepDueWork(),
  themeRetag: (data) => runThemeRetag(tenantOf(data), data.themeId, data.version),
  surveySend: (data) => deliverSend(tenantOf(data), data.surveySendId),
  surveyReminder: (data) => sendSurveyReminder(tenantOf(data), data.surveySendId),
  campaign: (data) => runCampaign(tenantOf(data), data.campaignId),
  webhookDelivery: async (data) => {
    const outcome = await deliverWebhook(tenantOf(data), data.deliveryId);
    metrics().webhookDeliveries.inc({ outcome });
    return outcome;
  },
  sendingSweep: () => sweepSends(),
  retention: () => applyRetentionEverywhere(),
  signInSweep: () => forgetAbandonedSignIns(),
};
