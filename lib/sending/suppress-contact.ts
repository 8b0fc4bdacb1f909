import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import type { SuppressionReason } from "../generated/prisma/enums";
import type { Tenant } from "../tenancy/tenant";

/** A hard bounce or a complaint: the address gets no more survey mail (the first reason and time are kept). */
export async function suppressContact(tenant: Tenant, contactId: string, reason: SuppressionReason, now = new Date()) {
  await db.contact.updateMany({
    where: { id: contactId, organizationId: tenant.organizationId, suppressedAt: null },
    data: { suppressedAt: now, suppressionReason: reason },
  });
}

/** By address, for complaints reported through the API (feedback loops, the tenant's mail provider). */
export async function suppressAddress(tenant: Tenant, email: string, reason: SuppressionReason, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.contact.updateMany({
      where: { organizationId: tenant.organizationId, email: email.toLowerCase(), suppressedAt: null },
      data: { suppressedAt: now, suppressionReason: reason },
    });
    // No address in the log: it outlives the contact's erasure.
    await recordAuditEvent(tenant, { action: "addresses_suppressed", detail: { reason, contacts: count } }, tx);
    return count;
  });
}
