import { isTransactionClient, type Prisma } from "../db/client";
import { enqueue } from "../queue/enqueue";
import type { Tenant } from "../tenancy/tenant";
import type { WebhookEvent } from "./schemas";

export type WebhookEndpointEvents = { id: string; events: unknown };

// A score click emits up to two events (followup.created, response.created) in one transaction: the tenant's
// endpoints are read once per transaction, not once per event. Keyed by the transaction client, so the memo
// ends with the transaction; never kept for the global client, where it would go stale.
const endpointsByTransaction = new WeakMap<object, Map<string, Promise<WebhookEndpointEvents[]>>>();

/**
 * Lets `tx` use endpoints its caller read just before it began (the score click reads them with its link: one
 * round trip fewer on the hottest path). An endpoint disabled meanwhile is skipped at delivery.
 */
export function presetWebhookEndpoints(tx: Prisma.TransactionClient, tenant: Tenant, endpoints: WebhookEndpointEvents[]) {
  if (!isTransactionClient(tx)) return;
  let byTenant = endpointsByTransaction.get(tx);
  if (!byTenant) endpointsByTransaction.set(tx, (byTenant = new Map()));
  byTenant.set(tenant.organizationId, Promise.resolve(endpoints));
}

/** The tenant's enabled endpoints, as `tx` sees them. */
export function enabledWebhookEndpoints(tx: Prisma.TransactionClient, tenant: Tenant): Promise<WebhookEndpointEvents[]> {
  const load = () =>
    tx.webhookEndpoint.findMany({
      where: { organizationId: tenant.organizationId, disabledAt: null },
      select: { id: true, events: true },
    });
  if (!isTransactionClient(tx)) return load();
  let byTenant = endpointsByTransaction.get(tx);
  if (!byTenant) endpointsByTransaction.set(tx, (byTenant = new Map()));
  let endpoints = byTenant.get(tenant.organizationId);
  if (!endpoints) byTenant.set(tenant.organizationId, (endpoints = load()));
  return endpoints;
}

/**
 * Records an event for every enabled endpoint of the tenant that subscribed to it, in the transaction of the
 * change itself (a rolled-back change notifies nobody), and queues each delivery. `data` names the contact it is
 * about in `contactId`.
 */
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  tenant: Tenant,
  event: WebhookEvent,
  /** Built only when some endpoint listens, so events nobody subscribed to cost one query. */
  data: () => Promise<Record<string, unknown>>,
  options: { at?: Date } = {},
): Promise<void> {
  const endpoints = await enabledWebhookEndpoints(tx, tenant);
  const subscribed = endpoints.filter((endpoint) => (endpoint.events as string[]).includes(event));
  if (subscribed.length === 0) return;
  const at = options.at ?? new Date();
  const built = await data();
  const payload = { event, createdAt: at.toISOString(), data: built } as Prisma.InputJsonValue;
  // Kept beside the payload so that erasing the contact can find and remove it.
  const contactId = typeof built.contactId === "string" ? built.contactId : null;
  for (const endpoint of subscribed) {
    const delivery = await tx.webhookDelivery.create({
      data: {
        organizationId: tenant.organizationId,
        endpointId: endpoint.id,
        event,
        payload,
        contactId,
        createdAt: at,
      },
    });
    await enqueue(tx, "webhookDelivery", { organizationId: tenant.organizationId, deliveryId: delivery.id });
  }
}
