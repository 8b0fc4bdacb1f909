import { subMonths } from "date-fns";
import { z } from "zod";
import { db } from "../db/client";
import { changesOf, recordAuditEvent } from "../audit/audit-events";
import type { Tenant } from "../tenancy/tenant";
import { eraseContact } from "./erase-contact";

export const retentionSchema = z.object({
  retentionMonths: z
    .union([z.literal(""), z.coerce.number().int("Whole months only").min(1, "At least 1 month").max(120, "At most 10 years")])
    .transform((v) => (v === "" ? null : v)),
});

export async function setRetention(tenant: Tenant, input: z.infer<typeof retentionSchema>) {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: tenant.organizationId }, select: { retentionMonths: true } });
    await tx.organization.update({ where: { id: tenant.organizationId }, data: { retentionMonths: input.retentionMonths } });
    await recordAuditEvent(tenant, { action: "retention_changed", detail: changesOf(before, input) }, tx);
  });
}

/**
 * The tenant's retention rule: comments older than the period are removed (scores stay for the figures), and
 * contacts not surveyed within it are erased. Safe to run repeatedly (a daily job).
 */
export async function applyRetention(tenant: Tenant, now = new Date()) {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: tenant.organizationId } });
  if (!organization.retentionMonths) return { comments: 0, contacts: 0 };
  const cutoff = subMonths(now, organization.retentionMonths);
  const comments = await db.response.updateMany({
    where: { organizationId: tenant.organizationId, respondedAt: { lt: cutoff }, OR: [{ comment: { not: null } }, { callbackPhone: { not: null } }] },
    data: { comment: null, callbackPhone: null },
  });
  const stale = await db.contact.findMany({
    where: {
      organizationId: tenant.organizationId,
      erasedAt: null,
      createdAt: { lt: cutoff },
      surveySends: { none: { sentAt: { gte: cutoff } } },
    },
    select: { id: true },
  });
  for (const contact of stale) await eraseContact(tenant, contact.id, now);
  await recordAuditEvent(tenant, {
    action: "retention_applied",
    detail: { cutoff: cutoff.toISOString(), comments: comments.count, contacts: stale.length },
  });
  return { comments: comments.count, contacts: stale.length };
}
