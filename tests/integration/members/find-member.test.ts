import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { findMemberForUser, hasRole, inviteMember, signInLocaleOf, listMembers } from "@/lib/members/members";
import type { Member } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";

describe("finding the member a signed-in user acts as", () => {
  it("is their membership in the requested tenant, with the stores of a store manager", async () => {
    const { tenant } = await createTenant("Find Shop");
    const store = await createTestStore(tenant);
    const manager = await createMember(tenant, "store_manager", [store.id]);

    expect(await findMemberForUser(manager.userId, tenant.organizationId)).toEqual({
      organizationId: tenant.organizationId,
      userId: manager.userId,
      role: "store_manager",
      storeIds: [store.id],
    });
  });

  it("is their oldest membership when no tenant is requested", async () => {
    const [first, second] = [await createTenant("First"), await createTenant("Second")];
    const email = `two-tenants-${randomUUID()}@example.test`;
    await inviteMember(first.tenant, { email, name: null, role: "cx_manager", storeIds: [] });
    const older = await inviteMember(second.tenant, { email, name: null, role: "admin", storeIds: [] });
    await db.membership.update({ where: { id: older.id }, data: { createdAt: new Date("2025-01-01T00:00:00Z") } });

    expect(await findMemberForUser(older.userId)).toMatchObject({ organizationId: second.tenant.organizationId, role: "admin", storeIds: null });
    expect(await findMemberForUser(older.userId, first.tenant.organizationId)).toMatchObject({ role: "cx_manager" });
  });

  it("is nobody for a tenant the user does not belong to, or for a user without memberships", async () => {
    const [mine, theirs] = [await createTenant("Mine"), await createTenant("Theirs")];
    const user = await db.user.create({ data: { email: `lonely-${randomUUID()}@example.test` } });

    expect(await findMemberForUser(mine.admin.userId, theirs.tenant.organizationId)).toBeNull();
    expect(await findMemberForUser(user.id)).toBeNull();
  });
});

describe("roles", () => {
  const member = (role: Role): Member =>
    role === "store_manager" ? { organizationId: "o", userId: "u", role, storeIds: [] } : { organizationId: "o", userId: "u", role, storeIds: null };

  it.each([
    ["admin", "admin", true],
    ["admin", "cx_manager", true],
    ["admin", "store_manager", true],
    ["cx_manager", "admin", false],
    ["cx_manager", "cx_manager", true],
    ["cx_manager", "store_manager", true],
    ["store_manager", "admin", false],
    ["store_manager", "cx_manager", false],
    ["store_manager", "store_manager", true],
  ] as const)("a %s may act as %s: %s", (role, minRole, allowed) => {
    expect(hasRole(member(role), minRole)).toBe(allowed);
  });
});

describe("who may request a sign-in link", () => {
  it("is a member of some tenant, whatever the case of the address typed", async () => {
    const { tenant } = await createTenant("Known Shop");
    const email = `known-${randomUUID()}@example.test`;
    await inviteMember(tenant, { email, name: null, role: "cx_manager", storeIds: [] });

    expect(await signInLocaleOf(email.toUpperCase())).toBe("en");
    expect(await signInLocaleOf(`unknown-${randomUUID()}@example.test`)).toBeNull();
  });
});

describe("the member list", () => {
  it("shows a tenant's members oldest first with their email and stores, and nobody else's", async () => {
    const { tenant, admin } = await createTenant("List Shop");
    const store = await createTestStore(tenant, "Only Store");
    const manager = await createMember(tenant, "store_manager", [store.id]);
    await createMember((await createTenant("Other")).tenant, "cx_manager");

    const members = await listMembers(tenant);

    expect(members.map((m) => m.userId)).toEqual([admin.userId, manager.userId]);
    expect(members[1]).toMatchObject({ role: "store_manager", stores: [{ store: { id: store.id, name: "Only Store" } }] });
    expect(members[1]!.user.email).toMatch(/^store_manager-/);
  });
});
