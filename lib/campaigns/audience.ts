import { subDays } from "date-fns";
import { db, type Prisma } from "../db/client";
import type { Tenant } from "../tenancy/tenant";
import type { Audience } from "./schemas";

/** The contacts of a campaign's segment (never the erased). */
export function audienceWhere(tenant: Tenant, audience: Audience, now = new Date()): Prisma.ContactWhereInput {
  return {
    organizationId: tenant.organizationId,
    erasedAt: null,
    ...(audience.storeId ? { storeId: audience.storeId } : {}),
    ...(audience.segment ? { segment: audience.segment } : {}),
    ...(audience.attributeName && audience.attributeValue
      ? { attributes: { path: [audience.attributeName], equals: audience.attributeValue } }
      : {}),
    ...(audience.purchasedWithinDays ? { lastPurchaseAt: { gte: subDays(now, audience.purchasedWithinDays) } } : {}),
  };
}

/** The count shown before sending: the segment, and how many of it may be mailed at all. */
export async function countAudience(tenant: Tenant, audience: Audience, now = new Date()) {
  const where = audienceWhere(tenant, audience, now);
  const [total, mailable] = await Promise.all([
    db.contact.count({ where }),
    db.contact.count({ where: { ...where, unsubscribedAt: null, suppressedAt: null } }),
  ]);
  return { total, mailable };
}
