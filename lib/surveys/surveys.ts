import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma, type PrismaClient } from "../db/client";
import { LOCALES } from "../i18n/locales";
import { orNotFound } from "../tenancy/scoped-write";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { DEFAULT_SURVEY_TEXTS } from "./default-texts";
import type { SurveySettings, SurveyTextInput } from "./schemas";

/** `reader`: lib/db/read-replica.ts's client for pages that may read a moment behind (the analytics views). */
export async function listSurveys(tenant: Tenant, reader: PrismaClient = db) {
  return reader.survey.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { createdAt: "asc" } });
}

export async function getSurvey(tenant: Tenant, surveyId: string) {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, organizationId: tenant.organizationId },
    include: { texts: { orderBy: { locale: "asc" } } },
  });
  if (!survey) throw new NotFoundError("Survey");
  return survey;
}

/** The tenant's first survey: the one the "send survey" form uses when none is chosen. */
export async function getDefaultSurvey(tenant: Tenant) {
  const survey = await db.survey.findFirst({
    where: { organizationId: tenant.organizationId },
    orderBy: { createdAt: "asc" },
    include: { texts: { orderBy: { locale: "asc" } } },
  });
  if (!survey) throw new NotFoundError("Survey");
  return survey;
}

/** The survey a settings page edits: the one named in its URL (404 for another tenant's), else the first. */
export function chooseSurvey(tenant: Tenant, surveyId: string | undefined) {
  return surveyId ? getSurvey(tenant, surveyId) : getDefaultSurvey(tenant);
}

/** A further survey (e.g. "After a support case"), with its own texts, call-back time and loop settings. */
export function addSurvey(tenant: Tenant, input: SurveySettings) {
  return db.$transaction(async (tx) => {
    const survey = await createSurveyWithDefaults(tx, tenant, input);
    await recordAuditEvent(tenant, { action: "survey_created", subject: survey.id, detail: { ...input } }, tx);
    return survey;
  });
}

export async function updateSurveySettings(tenant: Tenant, surveyId: string, input: SurveySettings) {
  const before = await getSurvey(tenant, surveyId);
  return db.$transaction(async (tx) => {
    const survey = await orNotFound("Survey", tx.survey.update({ where: { id: surveyId, organizationId: tenant.organizationId }, data: input }));
    await recordAuditEvent(tenant, { action: "survey_settings_changed", subject: surveyId, detail: changesOf(before, input) }, tx);
    return survey;
  });
}

export async function saveSurveyText(tenant: Tenant, surveyId: string, input: SurveyTextInput) {
  await getSurvey(tenant, surveyId);
  const { locale, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.surveyText.findUnique({ where: { surveyId_locale: { surveyId, locale } } });
    const text = await tx.surveyText.upsert({
      where: { surveyId_locale: { surveyId, locale } },
      create: { organizationId: tenant.organizationId, surveyId, locale, ...fields },
      update: fields,
    });
    const detail = { locale, ...changesOf(before ?? {}, fields) };
    await recordAuditEvent(tenant, { action: "survey_texts_changed", subject: surveyId, detail }, tx);
    return text;
  });
}

/** A new survey with the default texts in every supported language. */
export async function createSurveyWithDefaults(
  tx: Prisma.TransactionClient,
  tenant: Tenant,
  input: { name: string; followUpSlaHours?: number; reviewUrl?: string | null },
) {
  return tx.survey.create({
    data: {
      organizationId: tenant.organizationId,
      name: input.name,
      followUpSlaHours: input.followUpSlaHours ?? 24,
      reviewUrl: input.reviewUrl ?? null,
      texts: {
        create: LOCALES.map((locale) => ({
          organizationId: tenant.organizationId,
          locale,
          ...DEFAULT_SURVEY_TEXTS[locale],
        })),
      },
    },
  });
}
