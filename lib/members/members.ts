import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import type { Role } from "../generated/prisma/enums";
import { InputError } from "../forms/input-error";
import { resolveStaffLocale, type Locale } from "../i18n/locales";
import { assertStoresOfTenant } from "../stores/stores";
import { orNotFound } from "../tenancy/scoped-write";
import { NotFoundError, type Member, type MemberWithRole, type Tenant } from "../tenancy/tenant";
import type { MemberInput, MemberUpdate } from "./schemas";

export async function listMembers(tenant: Tenant) {
  return db.membership.findMany({
    where: { organizationId: tenant.organizationId },
    include: {
      user: { select: { email: true, name: true } },
      stores: { select: { store: { select: { id: true, name: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Adds a person to the tenant; they sign in with a magic link sent to this address. */
export async function inviteMember(tenant: Tenant, input: MemberInput) {
  const storeIds = storeIdsFor(input);
  await assertStoresOfTenant(tenant, storeIds);
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name },
      update: {},
    });
    const existing = await tx.membership.findFirst({ where: { organizationId: tenant.organizationId, userId: user.id } });
    if (existing) throw new InputError({ email: "This person is already a member" });
    await recordAuditEvent(tenant, { action: "member_invited", subject: input.email, detail: { role: input.role, storeIds } }, tx);
    return tx.membership.create({
      data: {
        organizationId: tenant.organizationId,
        userId: user.id,
        role: input.role,
        stores: { create: storeIds.map((storeId) => ({ storeId, organizationId: tenant.organizationId })) },
      },
    });
  });
}

export async function updateMember(tenant: Tenant, membershipId: string, input: MemberUpdate) {
  const membership = await findMembership(tenant, membershipId);
  const storeIds = storeIdsFor(input);
  await assertStoresOfTenant(tenant, storeIds);
  if (membership.role === "admin" && input.role !== "admin") await assertAnotherAdmin(tenant, membershipId);
  return db.$transaction(async (tx) => {
    const storesBefore = await tx.membershipStore.findMany({ where: { membershipId, organizationId: tenant.organizationId }, select: { storeId: true } });
    const before = { role: membership.role, storeIds: storesBefore.map((s) => s.storeId).sort() };
    const detail = { from: membership.role, to: input.role, storeIds, ...changesOf(before, { role: input.role, storeIds: [...storeIds].sort() }) };
    await recordAuditEvent(tenant, { action: "member_changed", subject: membership.userId, detail }, tx);
    await tx.membershipStore.deleteMany({ where: { membershipId, organizationId: tenant.organizationId } });
    return orNotFound(
      "Member",
      tx.membership.update({
        where: { id: membership.id, organizationId: tenant.organizationId },
        data: {
          role: input.role,
          stores: { create: storeIds.map((storeId) => ({ storeId, organizationId: tenant.organizationId })) },
        },
      }),
    );
  });
}

export async function removeMember(tenant: Tenant, membershipId: string) {
  const membership = await findMembership(tenant, membershipId);
  if (membership.role === "admin") await assertAnotherAdmin(tenant, membershipId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.deleteMany({ where: { id: membership.id, organizationId: tenant.organizationId } });
    if (count === 0) throw new NotFoundError("Member");
    await recordAuditEvent(tenant, { action: "member_removed", subject: membership.userId, detail: { role: membership.role } }, tx);
  });
}

/** Store managers work at least one store; other roles see every store and keep none. */
function storeIdsFor(input: { role: Role; storeIds: string[] }): string[] {
  if (input.role !== "store_manager") return [];
  if (input.storeIds.length === 0) throw new InputError({ storeIds: "A store manager needs at least one store" });
  return input.storeIds;
}

async function findMembership(tenant: Tenant, membershipId: string) {
  const membership = await db.membership.findFirst({ where: { id: membershipId, organizationId: tenant.organizationId } });
  if (!membership) throw new NotFoundError("Member");
  return membership;
}

async function assertAnotherAdmin(tenant: Tenant, membershipId: string) {
  const others = await db.membership.count({
    where: { organizationId: tenant.organizationId, role: "admin", id: { not: membershipId } },
  });
  if (others === 0) throw new InputError({ role: "A tenant keeps at least one admin" });
}

/**
 * The membership a signed-in user acts with: the one in the requested tenant, or their first.
 * Returns null when the user belongs to no tenant (or not to the requested one).
 */
export async function findMemberForUser(userId: string, organizationId?: string): Promise<Member | null> {
  const membership = await db.membership.findFirst({
    where: { userId, ...(organizationId ? { organizationId } : {}) },
    include: { stores: { select: { storeId: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) return null;
  const { role } = membership;
  if (role === "store_manager") return { organizationId: membership.organizationId, userId, role, storeIds: membership.stores.map((s) => s.storeId) };
  return { organizationId: membership.organizationId, userId, role, storeIds: null };
}

const RANK: Record<Role, number> = { store_manager: 0, cx_manager: 1, admin: 2 };

/** Admins may do everything a CX manager may, CX managers everything a store manager may. */
export function hasRole<R extends Role>(member: Member, minRole: R): member is Member & MemberWithRole<R> {
  return RANK[member.role] >= RANK[minRole];
}

/**
 * The language a person's sign-in email is written in (their own choice, else their first tenant's default for
 * staff), or null when no tenant knows the address: they get no email at all.
 */
export async function signInLocaleOf(email: string): Promise<Locale | null> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { locale: true, memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { organization: { select: { staffLocale: true } } } } },
  });
  const [membership] = user?.memberships ?? [];
  if (!membership) return null;
  return resolveStaffLocale({ userLocale: user!.locale, acceptLanguage: null, tenantDefault: membership.organization.staffLocale });
}

/** The tenants a user belongs to (for the sign-in audit entry). */
export async function listMembershipsOfUser(userId: string): Promise<Tenant[]> {
  return db.membership.findMany({ where: { userId }, select: { organizationId: true } });
}
