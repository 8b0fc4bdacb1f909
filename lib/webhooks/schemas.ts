import { z } from "zod";

export const WEBHOOK_EVENTS = ["response.created", "response.updated", "followup.created", "followup.closed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const webhookEndpointInputSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, message: "An http(s) URL such as https://crm.example.com/nps-hook" })
    .trim()
    .max(2000),
  events: z.preprocess(asList, z.array(z.enum(WEBHOOK_EVENTS, "Unknown event")).min(1, "Choose at least one event")),
});

export type WebhookEndpointInput = z.infer<typeof webhookEndpointInputSchema>;
