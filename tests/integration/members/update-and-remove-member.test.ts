import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import { findMemberForUser, signInLocaleOf, removeMember, updateMember } from "@/lib/members/members";
import type { Member } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";

async function shop() {
  const { tenant, admin } = await createTenant("Team Shop");
  const [north, south] = [await createTestStore(tenant, "North"), await createTestStore(tenant, "South")];
  return { tenant, admin, north, south };
}

const membershipOf = (member: Member) =>
  db.membership.findFirstOrThrow({ where: { organizationId: member.organizationId, userId: member.userId } });

describe("changing a member", () => {
  it("replaces a store manager's stores", async () => {
    const { tenant, north, south } = await shop();
    const manager = await membershipOf(await createMember(tenant, "store_manager", [north.id]));

    await updateMember(tenant, manager.id, { role: "store_manager", storeIds: [south.id] });

    expect((await findMemberForUser(manager.userId, tenant.organizationId))?.storeIds).toEqual([south.id]);
  });

  it("promoting a store manager to CX manager lets them see every store", async () => {
    const { tenant, north } = await shop();
    const manager = await membershipOf(await createMember(tenant, "store_manager", [north.id]));

    await updateMember(tenant, manager.id, { role: "cx_manager", storeIds: [north.id] });

    expect(await findMemberForUser(manager.userId, tenant.organizationId)).toMatchObject({ role: "cx_manager", storeIds: null });
    expect(await db.membershipStore.count({ where: { membershipId: manager.id } })).toBe(0);
  });

  it("keeps the last admin an admin", async () => {
    const { tenant, admin, north } = await shop();
    const only = await membershipOf(admin);

    await expect(updateMember(tenant, only.id, { role: "store_manager", storeIds: [north.id] })).rejects.toBeInstanceOf(InputError);

    expect(await membershipOf(admin)).toMatchObject({ role: "admin" });
    expect(await db.membershipStore.count({ where: { membershipId: only.id } })).toBe(0);
  });

  it("lets an admin step down when another admin remains", async () => {
    const { tenant, admin } = await shop();
    await createMember(tenant, "admin");

    await updateMember(tenant, (await membershipOf(admin)).id, { role: "cx_manager", storeIds: [] });

    expect(await membershipOf(admin)).toMatchObject({ role: "cx_manager" });
  });
});

describe("removing a member", () => {
  it("ends their membership, so they can no longer sign in, but keeps the person", async () => {
    const { tenant } = await shop();
    const member = await createMember(tenant, "cx_manager");
    const { email } = await db.user.findUniqueOrThrow({ where: { id: member.userId } });

    await removeMember(tenant, (await membershipOf(member)).id);

    expect(await findMemberForUser(member.userId, tenant.organizationId)).toBeNull();
    expect(await signInLocaleOf(email)).toBeNull();
    expect(await db.user.count({ where: { id: member.userId } })).toBe(1);
  });

  it("keeps the last admin", async () => {
    const { tenant, admin } = await shop();

    await expect(removeMember(tenant, (await membershipOf(admin)).id)).rejects.toBeInstanceOf(InputError);

    expect(await findMemberForUser(admin.userId, tenant.organizationId)).toMatchObject({ role: "admin" });
  });

  it("removes an admin when another admin remains", async () => {
    const { tenant, admin } = await shop();
    const second = await createMember(tenant, "admin");

    await removeMember(tenant, (await membershipOf(second)).id);

    expect(await findMemberForUser(second.userId, tenant.organizationId)).toBeNull();
    expect(await findMemberForUser(admin.userId, tenant.organizationId)).toMatchObject({ role: "admin" });
  });
});
