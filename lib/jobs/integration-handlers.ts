import { runCampaign } from "../campaigns/run-campaign";
import { deliverSend } from "../sending/deliver-send";
import { sendSurveyReminder } from "../sending/reminder";
import { sweepSends } from "../sending/sweep-sends";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import type { IntegrationJobData } from "./integration-queues";

const tenantOf = (data: { organizationId: string }) => ({ organizationId: data.organizationId });

/** The integrations' jobs, each a call into lib/ that is safe to run twice. */
export const INTEGRATION_HANDLERS: { [K in keyof IntegrationJobData]: (data: IntegrationJobData[K]) => Promise<unknown> } = {
  surveySend: (data) => deliverSend(tenantOf(data), data.surveySendId),
  surveyReminder: (data) => sendSurveyReminder(tenantOf(data), data.surveySendId),
  campaign: (data) => runCampaign(tenantOf(data), data.campaignId),
  webhookDelivery: (data) => deliverWebhook(tenantOf(data), data.deliveryId),
  sendingSweep: () => sweepSends(),
};
