// Every background job the worker runs, by name, with the data it carries. Tenant jobs carry organizationId so
// that the admin's jobs page can show a tenant its own failures and nobody else's. This registry is a leaf: any
// domain may queue a job (lib/queue/enqueue.ts); only lib/worker/ knows what each job does.

export const QUEUES = {
  alert: "follow-up-alert",
  escalation: "follow-up-escalation",
  resurvey: "resurvey",
  storeDigest: "store-digest",
  weeklyDigests: "weekly-digests",
  sweep: "sweep",
  themeRetag: "theme-retag",
  surveySend: "survey-send",
  surveyReminder: "survey-reminder",
  campaign: "campaign",
  webhookDelivery: "webhook-delivery",
  sendingSweep: "sending-sweep",
  retention: "retention",
  signInSweep: "sign-in-sweep",
} as const;

export type JobKind = keyof typeof QUEUES;

export type JobData = {
  // commentAdded: the customer wrote their comment (or asked for a call) after the first alert went out.
  // requestId: the click's request (x-request-id), for the logs and the mail's X-Request-Id. Any job queued while
  // a request is served carries it (lib/queue/enqueue.ts); the alert is the one followed end to end.
  alert: { organizationId: string; responseId: string; commentAdded?: boolean; requestId?: string };
  escalation: { organizationId: string; followUpId: string };
  resurvey: { organizationId: string; resurveyId: string };
  storeDigest: { organizationId: string; storeId: string; weekStart: string };
  weeklyDigests: Record<string, never>;
  sweep: Record<string, never>;
  themeRetag: { organizationId: string; themeId: string; version: number };
  surveySend: { organizationId: string; surveySendId: string };
  surveyReminder: { organizationId: string; surveySendId: string };
  campaign: { organizationId: string; campaignId: string };
  webhookDelivery: { organizationId: string; deliveryId: string };
  sendingSweep: Record<string, never>;
  retention: Record<string, never>;
  signInSweep: Record<string, never>;
};
