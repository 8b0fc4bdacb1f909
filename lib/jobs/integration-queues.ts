// The jobs of the integrations (issue 5): sending engine, reminders, campaigns, webhooks. Merged into QUEUES and
// JobData (queues.ts); their handlers are in integration-handlers.ts.

export const INTEGRATION_QUEUES = {
  surveySend: "survey-send",
  surveyReminder: "survey-reminder",
  campaign: "campaign",
  webhookDelivery: "webhook-delivery",
  sendingSweep: "sending-sweep",
} as const;

export type IntegrationJobData = {
  surveySend: { organizationId: string; surveySendId: string };
  surveyReminder: { organizationId: string; surveySendId: string };
  campaign: { organizationId: string; campaignId: string };
  webhookDelivery: { organizationId: string; deliveryId: string };
  sendingSweep: Record<string, never>;
};

export const INTEGRATION_QUEUE_LABELS: Record<string, string> = {
  [INTEGRATION_QUEUES.surveySend]: "Survey email",
  [INTEGRATION_QUEUES.surveyReminder]: "Survey reminder",
  [INTEGRATION_QUEUES.campaign]: "Campaign",
  [INTEGRATION_QUEUES.webhookDelivery]: "Webhook delivery",
  [INTEGRATION_QUEUES.sendingSweep]: "Sending sweep",
};

/**
 * Per-queue worker settings. pg-boss waits at least 0.5 s between fetches of one work loop, so a queue's
 * throughput is at most batchSize × loops × 2 per second: survey emails need hundreds a second.
 */
export const WORK_TUNING: Partial<Record<keyof typeof INTEGRATION_QUEUES, { batchSize: number; loops: number }>> = {
  surveySend: { batchSize: Number(process.env.SEND_BATCH_SIZE ?? 100), loops: Number(process.env.SEND_WORK_LOOPS ?? 3) },
  webhookDelivery: { batchSize: 50, loops: 1 },
};

/** Cron schedules (UTC) of the integrations' periodic jobs. */
export const INTEGRATION_SCHEDULES: [keyof typeof INTEGRATION_QUEUES, string][] = [["sendingSweep", "* * * * *"]];
