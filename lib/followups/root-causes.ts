import { recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import { InputError, isUniqueViolation } from "../forms/input-error";
import { orNotFound } from "../tenancy/scoped-write";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import type { RootCauseInput } from "./schemas";

// A tenant starts with these; CX managers rename the list to their own words on the loop settings page.
export const DEFAULT_ROOT_CAUSES = [
  "Waiting time",
  "Staff attitude",
  "Product quality",
  "Price",
  "Stock availability",
  "Delivery",
  "Billing or payment",
  "Other",
];

export async function createDefaultRootCauses(tx: Prisma.TransactionClient, tenant: Tenant) {
  await tx.rootCause.createMany({
    data: DEFAULT_ROOT_CAUSES.map((label) => ({ organizationId: tenant.organizationId, label })),
    skipDuplicates: true,
  });
}

/** The causes a follow-up can be given; archived ones only with `includeArchived` (the settings page). */
export async function listRootCauses(tenant: Tenant, options: { includeArchived?: boolean } = {}) {
  return db.rootCause.findMany({
    where: { organizationId: tenant.organizationId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: { label: "asc" },
  });
}

export async function createRootCause(tenant: Tenant, input: RootCauseInput) {
  try {
    return await db.$transaction(async (tx) => {
      const cause = await tx.rootCause.create({ data: { organizationId: tenant.organizationId, label: input.label } });
      await recordAuditEvent(tenant, { action: "root_cause_created", subject: cause.id, detail: { label: cause.label } }, tx);
      return cause;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ label: "This root cause is on the list already" });
    throw error;
  }
}

/** Archived causes stay on the follow-ups that used them (the figures keep their history) but are not offered. */
export async function setRootCauseArchived(tenant: Tenant, rootCauseId: string, archived: boolean, now = new Date()) {
  return db.$transaction(async (tx) => {
    const cause = await orNotFound(
      "Root cause",
      tx.rootCause.update({ where: { id: rootCauseId, organizationId: tenant.organizationId }, data: { archivedAt: archived ? now : null } }),
    );
    await recordAuditEvent(tenant, { action: archived ? "root_cause_archived" : "root_cause_restored", subject: cause.id, detail: { label: cause.label } }, tx);
    return cause;
  });
}

export async function getRootCause(tenant: Tenant, rootCauseId: string) {
  const cause = await db.rootCause.findFirst({ where: { id: rootCauseId, organizationId: tenant.organizationId } });
  if (!cause) throw new NotFoundError("Root cause");
  return cause;
}
