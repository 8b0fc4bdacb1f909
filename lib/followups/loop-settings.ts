import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { chooseSurvey } from "../surveys/surveys";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import type { StoreLoopSettings, SurveyLoopSettings } from "./loop-settings-schemas";

// The settings of the loop (alerts, SLAs, re-survey, holdout, who escalations and online alerts go to), each
// write scoped to the tenant; the loop settings page is their one editor.

export async function getLoopSettings(tenant: Tenant, surveyId?: string) {
  const where = { organizationId: tenant.organizationId };
  const [survey, stores, regions, members] = await Promise.all([
    chooseSurvey(tenant, surveyId),
    db.store.findMany({ where, orderBy: { name: "asc" } }),
    db.region.findMany({ where, orderBy: { name: "asc" } }),
    db.membership.findMany({ where, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  return { survey, stores, regions, members };
}

export async function updateSurveyLoopSettings(tenant: Tenant, surveyId: string, input: SurveyLoopSettings) {
  const where = { id: surveyId, organizationId: tenant.organizationId };
  await db.$transaction(async (tx) => {
    const before = await tx.survey.findFirst({ where });
    const { count } = await tx.survey.updateMany({ where, data: input });
    if (count === 0 || !before) throw new NotFoundError("Survey");
    await recordAuditEvent(tenant, { action: "survey_loop_changed", subject: surveyId, detail: changesOf(before, input) }, tx);
  });
}

export async function updateStoreLoopSettings(tenant: Tenant, storeId: string, input: StoreLoopSettings) {
  const where = { id: storeId, organizationId: tenant.organizationId };
  await db.$transaction(async (tx) => {
    const before = await tx.store.findFirst({ where });
    const { count } = await tx.store.updateMany({ where, data: input });
    if (count === 0 || !before) throw new NotFoundError("Store");
    await recordAuditEvent(tenant, { action: "store_loop_changed", subject: storeId, detail: changesOf(before, input) }, tx);
  });
}

/** The region's manager hears of its stores' overdue follow-ups; any member of the tenant, or nobody (HQ then). */
export async function setRegionManager(tenant: Tenant, regionId: string, membershipId: string | null) {
  if (membershipId) {
    const member = await db.membership.findFirst({ where: { id: membershipId, organizationId: tenant.organizationId } });
    if (!member) throw new NotFoundError("Member");
  }
  const where = { id: regionId, organizationId: tenant.organizationId };
  await db.$transaction(async (tx) => {
    const before = await tx.region.findFirst({ where, select: { managerId: true } });
    const { count } = await tx.region.updateMany({ where, data: { managerId: membershipId } });
    if (count === 0 || !before) throw new NotFoundError("Region");
    await recordAuditEvent(tenant, { action: "region_manager_changed", subject: regionId, detail: changesOf(before, { managerId: membershipId }) }, tx);
  });
}

/** The customer-service team (alerted about online responses, no store): exactly these members of the tenant. */
export async function setCustomerServiceTeam(tenant: Tenant, membershipIds: string[]) {
  const where = { organizationId: tenant.organizationId };
  const found = await db.membership.count({ where: { ...where, id: { in: membershipIds } } });
  if (found !== new Set(membershipIds).size) throw new NotFoundError("Member");
  await db.$transaction(async (tx) => {
    const before = await tx.membership.findMany({ where: { ...where, customerService: true }, select: { id: true }, orderBy: { id: "asc" } });
    await tx.membership.updateMany({ where: { ...where, id: { notIn: membershipIds } }, data: { customerService: false } });
    await tx.membership.updateMany({ where: { ...where, id: { in: membershipIds } }, data: { customerService: true } });
    const detail = changesOf({ membershipIds: before.map((m) => m.id) }, { membershipIds: [...new Set(membershipIds)].sort() });
    await recordAuditEvent(tenant, { action: "customer_service_team_changed", detail }, tx);
  });
}
