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
  const { count } = await db.survey.updateMany({ where: { id: surveyId, organizationId: tenant.organizationId }, data: input });
  if (count === 0) throw new NotFoundError("Survey");
}

export async function updateStoreLoopSettings(tenant: Tenant, storeId: string, input: StoreLoopSettings) {
  const { count } = await db.store.updateMany({ where: { id: storeId, organizationId: tenant.organizationId }, data: input });
  if (count === 0) throw new NotFoundError("Store");
}

/** The region's manager hears of its stores' overdue follow-ups; any member of the tenant, or nobody (HQ then). */
export async function setRegionManager(tenant: Tenant, regionId: string, membershipId: string | null) {
  if (membershipId) {
    const member = await db.membership.findFirst({ where: { id: membershipId, organizationId: tenant.organizationId } });
    if (!member) throw new NotFoundError("Member");
  }
  const { count } = await db.region.updateMany({ where: { id: regionId, organizationId: tenant.organizationId }, data: { managerId: membershipId } });
  if (count === 0) throw new NotFoundError("Region");
}

/** The customer-service team (alerted about online responses, no store): exactly these members of the tenant. */
export async function setCustomerServiceTeam(tenant: Tenant, membershipIds: string[]) {
  const where = { organizationId: tenant.organizationId };
  const found = await db.membership.count({ where: { ...where, id: { in: membershipIds } } });
  if (found !== new Set(membershipIds).size) throw new NotFoundError("Member");
  await db.$transaction([
    db.membership.updateMany({ where: { ...where, id: { notIn: membershipIds } }, data: { customerService: false } }),
    db.membership.updateMany({ where: { ...where, id: { in: membershipIds } }, data: { customerService: true } }),
  ]);
}
