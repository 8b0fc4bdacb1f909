import { db } from "@/lib/db/client";
import { inviteMember } from "@/lib/members/members";
import { createOrganization } from "@/lib/organizations/organizations";
import { getDefaultSurvey } from "@/lib/surveys/surveys";
import { retagComments } from "@/lib/themes/tag-comments";
import type { Locale } from "@/lib/i18n/locales";
import type { Tenant } from "@/lib/tenancy/tenant";
import { buildDemoData, type DemoTenantData } from "./demo-data";
import { DEMO_TENANTS, demoUsers, type DemoUser } from "./demo-tenants";

export type { DemoUser } from "./demo-tenants";

const STORE_TIME_ZONES: Record<Locale, string> = {
  en: "Europe/London",
  de: "Europe/Berlin",
  nl: "Europe/Amsterdam",
  pl: "Europe/Warsaw",
  fr: "Europe/Paris",
};

// One multi-row INSERT per thousand rows: the embedded PGlite manages about a thousand single inserts a second.
const BATCH_SIZE = 1_000;

/**
 * Creates the demo tenants (Northwind Markets, Lumen Bank) with six months of surveys, responses and
 * follow-ups ending at `now`. A tenant whose slug exists already is left alone, so running it again is a no-op.
 */
export async function seedDemo(options: { now?: Date } = {}): Promise<{ created: boolean; users: DemoUser[] }> {
  const slugs = DEMO_TENANTS.map((tenant) => tenant.organization.slug);
  const existing = await db.organization.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  const missing = DEMO_TENANTS.filter((tenant) => !existing.some((row) => row.slug === tenant.organization.slug));
  if (missing.length > 0) {
    for (const data of buildDemoData(options.now ?? new Date(), missing)) await writeTenant(data);
  }
  return { created: missing.length > 0, users: demoUsers() };
}

async function writeTenant(data: DemoTenantData) {
  const organization = await createOrganization({ ...data.spec.organization, adminName: data.adminName });
  try {
    await writeRows({ organizationId: organization.id }, data);
  } catch (error) {
    // A half-written tenant would be taken for a finished one by the next run and never completed.
    await db.organization.delete({ where: { id: organization.id } });
    throw error;
  }
}

async function writeRows(tenant: Tenant, data: DemoTenantData) {
  const { organizationId } = tenant;
  const surveyId = (await getDefaultSurvey(tenant)).id;
  // Promoters are invited to refer a friend as well as to review (the referral page is the tenant's own site).
  await db.survey.update({ where: { id: surveyId }, data: { referralUrl: `https://example.com/refer/${data.spec.organization.slug}` } });
  await db.region.createMany({ data: data.regions.map((region) => ({ ...region, organizationId })) });
  await db.store.createMany({
    data: data.stores.map(({ id, regionId, code, name, city, locale }) => ({
      ...{ id, organizationId, regionId, code, name, city },
      // Each store keeps its country's clock: business hours, due times and digest weeks are local.
      timeZone: STORE_TIME_ZONES[locale],
    })),
  });
  const userIds = await addMembers(tenant, data);

  await inBatches(data.contacts, (rows) => db.contact.createMany({ data: rows.map((row) => ({ ...row, organizationId })) }));
  await inBatches(data.surveySends, (rows) =>
    db.surveySend.createMany({ data: rows.map((row) => ({ ...row, organizationId, surveyId })) }),
  );
  await inBatches(data.responses, (rows) =>
    db.response.createMany({ data: rows.map((row) => ({ ...row, organizationId, surveyId })) }),
  );
  // Bulk-written comments bypass saveComment, which tags comments as they arrive: tag them here.
  await retagComments(tenant);
  await inBatches(data.followUps, (rows) => db.followUp.createMany({ data: rows.map((row) => ({ ...row, organizationId })) }));
  await nameRootCauses(tenant);
  await inBatches(data.notes, (rows) =>
    db.followUpNote.createMany({
      data: rows.map(({ authorEmail, ...row }) => ({
        ...row,
        organizationId,
        authorId: authorEmail ? (userIds.get(authorEmail) ?? null) : null,
      })),
    }),
  );
  await inBatches(data.loop.assignments, (rows) => db.holdoutAssignment.createMany({ data: rows.map((row) => ({ ...row, organizationId })) }));
  await inBatches(data.loop.resurveys, (rows) => db.resurvey.createMany({ data: rows.map((row) => ({ ...row, organizationId })) }));
  await inBatches(data.loop.promoterInvites, (rows) => db.promoterInvite.createMany({ data: rows.map((row) => ({ ...row, organizationId })) }));
}

/** The CX manager and store managers; returns every member's user id by email, the admin's included. */
async function addMembers(tenant: Tenant, data: DemoTenantData): Promise<Map<string, string>> {
  const storeId = (code: string) => data.stores.find((store) => store.code === code)!.id;
  const adminEmail = data.spec.organization.adminEmail;
  const admin = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, select: { id: true } });
  const userIds = new Map([[adminEmail, admin.id]]);
  for (const member of data.members) {
    const membership = await inviteMember(tenant, {
      email: member.email,
      name: member.name,
      role: member.role,
      storeIds: member.storeCodes.map(storeId),
    });
    userIds.set(member.email, membership.userId);
  }
  return userIds;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) await insert(rows.slice(start, start + BATCH_SIZE));
}

/**
 * Closed follow-ups name the root cause their comment points to (one of its themes, picked by a hash so that no
 * theme wins by its name's place in the alphabet), as staff would have recorded on closing: the dashboard's root
 * causes then read like a real programme's.
 */
async function nameRootCauses(tenant: Tenant) {
  await db.$executeRaw`
    UPDATE "FollowUp" f SET "rootCauseId" = c."id"
      FROM (SELECT DISTINCT ON (t."responseId") t."responseId", th."name"
              FROM "ResponseTheme" t JOIN "Theme" th ON th."id" = t."themeId" AND th."organizationId" = t."organizationId"
             WHERE t."organizationId" = ${tenant.organizationId}
             ORDER BY t."responseId", md5(t."responseId" || th."name")) m
      JOIN "RootCause" c ON c."organizationId" = ${tenant.organizationId} AND c."label" = CASE m."name"
             WHEN 'Staff friendliness' THEN 'Staff attitude' WHEN 'Checkout and payment' THEN 'Billing or payment'
             WHEN 'Cleanliness' THEN 'Other' WHEN 'Store and parking' THEN 'Other' ELSE m."name" END
     WHERE f."responseId" = m."responseId" AND f."organizationId" = ${tenant.organizationId} AND f."status" = 'closed'`;
}
