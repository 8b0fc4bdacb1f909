import { subMonths } from "date-fns";
import { z } from "zod";
import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import type { Tenant } from "../tenancy/tenant";
import { eraseContact } from "./erase-contact";

export const retentionSchema = z.object({
  retentionMonths: z
    .union([z.literal(""), z.coerce.number().int("Whole months only").min(1, "At least 1 month").max(120, "At most 10 years")])
    .transform((v) => (v === "" ? null : v)),
});

/** When the worker applies every tenant's retention (cron, UTC), and the same in words for the privacy page. */
export const RETENTION_CRON = "30 3 * * *";
export const RETENTION_RUNS = "every day at 03:30 UTC";

export async function setRetention(tenant: Tenant, input: z.infer<typeof retentionSchema>) {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: tenant.organizationId }, select: { retentionMonths: true } });
    await tx.organization.update({ where: { id: tenant.organizationId }, data: { retentionMonths: input.retentionMonths } });
    await recordAuditEvent(tenant, { action: "retention_changed", detail: changesOf(before, input) }, tx);
  });
}

/** What a run with this cutoff touches: comments (and call-back numbers) older than it, contacts not surveyed since. */
function retentionWhere(tenant: Tenant, cutoff: Date) {
  const comments: Prisma.ResponseWhereInput = {
    organizationId: tenant.organizationId,
    respondedAt: { lt: cutoff },
    OR: [{ comment: { not: null } }, { callbackPhone: { not: null } }],
  };
  const contacts: Prisma.ContactWhereInput = {
    organizationId: tenant.organizationId,
    erasedAt: null,
    createdAt: { lt: cutoff },
    surveySends: { none: { sentAt: { gte: cutoff } } },
  };
  return { comments, contacts };
}

/**
 * What a run would do now with `months` (the saved period, or one an admin considers): the privacy page shows it
 * before a change is saved or applied. Scores and sends are never touched, so NPS and response rates do not move.
 */
export async function previewRetention(tenant: Tenant, months: number, now = new Date()) {
  const where = retentionWhere(tenant, subMonths(now, months));
  const [comments, contacts, openFollowUps] = await Promise.all([
    db.response.count({ where: where.comments }),
    db.contact.count({ where: where.contacts }),
    db.followUp.count({
      where: { organizationId: tenant.organizationId, status: { not: "closed" }, response: { contact: where.contacts } },
    }),
  ]);
  return { cutoff: subMonths(now, months), comments, contacts, openFollowUps };
}

/**
 * The tenant's retention rule: comments older than the period are removed (scores stay for the figures), and
 * contacts not surveyed within it are erased (lib/privacy/erase-contact.ts). Safe to run repeatedly: the worker
 * runs it daily (RETENTION_CRON), and admins may apply it at once.
 */
export async function applyRetention(tenant: Tenant, now = new Date()) {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: tenant.organizationId } });
  if (!organization.retentionMonths) return { comments: 0, contacts: 0 };
  const cutoff = subMonths(now, organization.retentionMonths);
  const where = retentionWhere(tenant, cutoff);
  const comments = await db.response.updateMany({ where: where.comments, data: { comment: null, callbackPhone: null } });
  const stale = await db.contact.findMany({ where: where.contacts, select: { id: true } });
  for (const contact of stale) await eraseContact(tenant, contact.id, now);
  await recordAuditEvent(tenant, {
    action: "retention_applied",
    detail: { cutoff: cutoff.toISOString(), comments: comments.count, contacts: stale.length },
  });
  return { comments: comments.count, contacts: stale.length };
}

/** The daily job: every tenant that has a retention period. */
export async function applyRetentionEverywhere(now = new Date()) {
  const organizations = await db.organization.findMany({ where: { retentionMonths: { not: null } }, select: { id: true } });
  for (const organization of organizations) await applyRetention({ organizationId: organization.id }, now);
  return { tenants: organizations.length };
}
