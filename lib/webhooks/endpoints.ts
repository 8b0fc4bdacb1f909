import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { orNotFound } from "../tenancy/scoped-write";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import type { WebhookEndpointInput } from "./schemas";
import { newWebhookSecret } from "./signature";

export async function listWebhookEndpoints(tenant: Tenant) {
  return db.webhookEndpoint.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { createdAt: "asc" } });
}

export async function createWebhookEndpoint(tenant: Tenant, input: WebhookEndpointInput) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { organizationId: tenant.organizationId, url: input.url, events: input.events, secret: newWebhookSecret() },
    });
    await recordAuditEvent(tenant, { action: "webhook_created", subject: endpoint.id, detail: { url: endpoint.url, events: endpoint.events } }, tx);
    return endpoint;
  });
}

export async function getWebhookEndpoint(tenant: Tenant, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: tenant.organizationId } });
  if (!endpoint) throw new NotFoundError("Webhook endpoint");
  return endpoint;
}

/** Switched back on by an admin: a fresh start, its failures forgotten. */
export async function enableWebhookEndpoint(tenant: Tenant, endpointId: string) {
  return db.$transaction(async (tx) => {
    const endpoint = await orNotFound(
      "Webhook endpoint",
      tx.webhookEndpoint.update({
        where: { id: endpointId, organizationId: tenant.organizationId },
        data: { disabledAt: null, disabledReason: null, failingSince: null },
      }),
    );
    await recordAuditEvent(tenant, { action: "webhook_enabled", subject: endpoint.id, detail: { url: endpoint.url } }, tx);
    return endpoint;
  });
}

export async function deleteWebhookEndpoint(tenant: Tenant, endpointId: string) {
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: tenant.organizationId }, select: { url: true, events: true } });
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, organizationId: tenant.organizationId } });
    if (count === 0 || !endpoint) throw new NotFoundError("Webhook endpoint");
    await recordAuditEvent(tenant, { action: "webhook_deleted", subject: endpointId, detail: { before: endpoint } }, tx);
  });
}

/** The delivery log of an endpoint, newest first. */
export async function listWebhookDeliveries(tenant: Tenant, endpointId: string, limit = 50) {
  const endpoint = await getWebhookEndpoint(tenant, endpointId);
  return db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, organizationId: tenant.organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}
