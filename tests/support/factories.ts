import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { findMemberForUser, hasRole, inviteMember } from "@/lib/members/members";
import { createOrganization } from "@/lib/organizations/organizations";
import { createStore } from "@/lib/stores/stores";
import { sendSurvey } from "@/lib/sending/send-survey";
import type { MemberWithRole, Tenant } from "@/lib/tenancy/tenant";

// Small factories: every test builds the few rows it needs in a tenant of its own.

const unique = () => randomBytes(4).toString("hex");

export async function createTenant(name = "Test Shop") {
  const id = unique();
  const organization = await createOrganization({
    name,
    slug: `t-${id}`,
    adminEmail: `admin-${id}@example.test`,
    reviewUrl: "https://example.test/review",
  });
  const tenant: Tenant = { organizationId: organization.id };
  // Tests expect every detractor to get a follow-up; the holdout tests turn the experiment on themselves.
  await (await import("@/lib/db/client")).db.survey.updateMany({ where: tenant, data: { holdoutPercent: 0 } });
  const admin = (await findMemberForUser((await userIdOf(`admin-${id}@example.test`))!, organization.id))!;
  if (!hasRole(admin, "admin")) throw new Error("A new tenant's first member is its admin");
  return { organization, tenant, admin };
}

async function userIdOf(email: string) {
  const { db } = await import("@/lib/db/client");
  return (await db.user.findUnique({ where: { email } }))?.id;
}

export async function createTestStore(tenant: Tenant, name = "Main Street") {
  return createStore(tenant, { name, code: `S-${unique()}`, city: "Berlin", regionId: null });
}

export async function createMember<R extends Role>(tenant: Tenant, role: R, storeIds: string[] = []): Promise<MemberWithRole<R>> {
  const email = `${role}-${unique()}@example.test`;
  const membership = await inviteMember(tenant, { email, name: null, role, storeIds });
  return (await findMemberForUser(membership.userId, tenant.organizationId)) as MemberWithRole<R>;
}

export async function sendTestSurvey(
  tenant: Tenant,
  options: { storeId?: string | null; locale?: "en" | "de" | "nl" | "pl" | "fr"; email?: string } = {},
) {
  return sendSurvey(tenant, {
    email: options.email ?? `customer-${unique()}@example.test`,
    name: "Casey Customer",
    phone: "+49 30 1234567",
    locale: options.locale ?? "en",
    storeId: options.storeId ?? null,
    surveyId: null,
  });
}
