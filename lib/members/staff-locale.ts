import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { isLocale, type Locale } from "../i18n/locales";
import { orNotFound } from "../tenancy/scoped-write";
import type { Member, Tenant } from "../tenancy/tenant";

/** The tenant's default language for staff who have picked none and whose browser asks for none we speak. */
export async function staffLocaleOfTenant(tenant: Tenant): Promise<Locale> {
  const organization = await db.organization.findFirst({ where: { id: tenant.organizationId }, select: { staffLocale: true } });
  return isLocale(organization?.staffLocale) ? organization.staffLocale : "en";
}

export async function setStaffLocaleOfTenant(tenant: Member, locale: Locale) {
  await db.$transaction(async (tx) => {
    await orNotFound("Organization", tx.organization.update({ where: { id: tenant.organizationId }, data: { staffLocale: locale } }));
    await recordAuditEvent(tenant, { action: "staff_locale_changed", detail: { locale } }, tx);
  });
}

/** A person's own language, across all their tenants; null follows their browser again. */
export async function setOwnLocale(userId: string, locale: Locale | null) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
