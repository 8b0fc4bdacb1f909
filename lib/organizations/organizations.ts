import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import type { Locale } from "../i18n/locales";
import { createDefaultRootCauses } from "../followups/root-causes";
import { createSurveyWithDefaults } from "../surveys/surveys";
import { createDefaultThemes } from "../themes/edit-themes";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import type { Branding } from "./schemas";

export type NewOrganization = {
  name: string;
  slug: string;
  defaultLocale?: Locale;
  brandColor?: string;
  adminEmail: string;
  adminName?: string;
  followUpSlaHours?: number;
  reviewUrl?: string | null;
};

/** A tenant with its first admin, a default survey in every language, and the default root causes and themes. */
export async function createOrganization(input: NewOrganization) {
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        name: input.name,
        slug: input.slug,
        defaultLocale: input.defaultLocale ?? "en",
        brandColor: input.brandColor ?? "#1f4e79",
      },
    });
    const tenant = { organizationId: organization.id };
    const email = input.adminEmail.toLowerCase();
    const admin = await tx.user.upsert({
      where: { email },
      create: { email, name: input.adminName ?? null },
      update: {},
    });
    await tx.membership.create({ data: { organizationId: organization.id, userId: admin.id, role: "admin" } });
    await createSurveyWithDefaults(tx, tenant, {
      name: "After purchase",
      followUpSlaHours: input.followUpSlaHours,
      reviewUrl: input.reviewUrl,
    });
    await createDefaultRootCauses(tx, tenant);
    await createDefaultThemes(tx, tenant);
    return organization;
  });
}

export async function getOrganization(tenant: Tenant) {
  const organization = await db.organization.findUnique({ where: { id: tenant.organizationId } });
  if (!organization) throw new NotFoundError("Organization");
  return organization;
}

export async function updateBranding(tenant: Tenant, input: Branding) {
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: tenant.organizationId } });
    const organization = await tx.organization.update({ where: { id: tenant.organizationId }, data: input });
    await recordAuditEvent(tenant, { action: "branding_changed", detail: changesOf(before, input) }, tx);
    return organization;
  });
}
