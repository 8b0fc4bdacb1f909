"use server";

import { getTranslations } from "next-intl/server";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { apiKeyInputSchema } from "@/lib/api/schemas-admin";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { createWebhookEndpoint, deleteWebhookEndpoint, enableWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { webhookEndpointInputSchema } from "@/lib/webhooks/schemas";

const ADMIN = { revalidate: ["/integrations", "/integrations/webhooks"] } as const;

export async function createApiKeyAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...ADMIN, action: "createApiKeyAction", schema: apiKeyInputSchema }, async (member, input) => {
    const { key } = await createApiKey(member, { name: input.name, createdBy: member.userId });
    return key;
  });
}

export async function revokeApiKeyAction(keyId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...ADMIN, action: "revokeApiKeyAction" }, (member) => revokeApiKey(member, keyId).then(() => "Revoked"));
}

export async function createWebhookAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...ADMIN, action: "createWebhookAction", schema: webhookEndpointInputSchema }, async (member, input) => {
    await createWebhookEndpoint(member, input);
    return (await getTranslations("webhooksPage"))("added", { url: input.url });
  });
}

export async function enableWebhookAction(endpointId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...ADMIN, action: "enableWebhookAction" }, (member) => enableWebhookEndpoint(member, endpointId).then(() => "Switched on"));
}

export async function deleteWebhookAction(endpointId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...ADMIN, action: "deleteWebhookAction" }, (member) => deleteWebhookEndpoint(member, endpointId).then(() => "Deleted"));
}
