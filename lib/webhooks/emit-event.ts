import type { Prisma } from "../db";
import { enqueue } from "../jobs/job-queue";
import type { Tenant } from "../tenancy/tenant";
import type { WebhookEvent } from "./schemas";

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
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId: tenant.organizationId, disabledAt: null },
    select: { id: true, events: true },
  });
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
