import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import { findMemberForUser, inviteMember, signInLocaleOf } from "@/lib/members/members";
import { memberInputSchema, type MemberInput } from "@/lib/members/schemas";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";

let tenant: Tenant;
let storeIds: string[];

beforeAll(async () => {
  ({ tenant } = await createTenant("Invite Shop"));
  storeIds = [(await createTestStore(tenant, "North")).id, (await createTestStore(tenant, "South")).id];
});

const invitation = (fields: Partial<MemberInput> = {}): MemberInput => ({
  email: `invitee-${randomUUID()}@example.test`,
  name: "Ines Invitee",
  role: "cx_manager",
  storeIds: [],
  ...fields,
});

const storesOf = async (membershipId: string) =>
  (await db.membershipStore.findMany({ where: { membershipId }, orderBy: { storeId: "asc" } })).map((row) => row.storeId);

describe("inviting a member", () => {
  it("adds a CX manager who can then sign in with their email", async () => {
    const input = invitation();
    expect(await signInLocaleOf(input.email)).toBeNull();

    const membership = await inviteMember(tenant, input);

    expect(membership).toMatchObject({ organizationId: tenant.organizationId, role: "cx_manager" });
    expect(await db.user.findUniqueOrThrow({ where: { id: membership.userId } })).toMatchObject({ email: input.email, name: "Ines Invitee" });
    expect(await signInLocaleOf(input.email)).toBe("en");
  });

  it("gives a store manager the stores they will work", async () => {
    const membership = await inviteMember(tenant, invitation({ role: "store_manager", storeIds }));

    expect(await storesOf(membership.id)).toEqual([...storeIds].sort());
    const member = await findMemberForUser(membership.userId, tenant.organizationId);
    expect(member?.storeIds?.sort()).toEqual([...storeIds].sort());
  });

  it("ignores stores given to a role that sees every store", async () => {
    const membership = await inviteMember(tenant, invitation({ role: "admin", storeIds }));
    expect(await storesOf(membership.id)).toEqual([]);
  });

  it("refuses a store manager without a store", () => {
    const parsed = memberInputSchema.safeParse({ email: "nostore@example.test", role: "store_manager" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["storeIds"]);
  });

  it("refuses a store of another tenant and invites nobody", async () => {
    const { tenant: other } = await createTenant("Other Shop");
    const foreignStore = await createTestStore(other);
    const input = invitation({ role: "store_manager", storeIds: [storeIds[0]!, foreignStore.id] });

    await expect(inviteMember(tenant, input)).rejects.toBeInstanceOf(NotFoundError);

    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("refuses someone who is already a member, whatever the role", async () => {
    const input = invitation();
    await inviteMember(tenant, input);

    await expect(inviteMember(tenant, { ...input, role: "admin" })).rejects.toBeInstanceOf(InputError);

    expect(await db.membership.count({ where: { ...tenant, user: { email: input.email } } })).toBe(1);
  });

  it("lets a member of another tenant join this one as well, as the same person", async () => {
    const { tenant: other } = await createTenant("Other Shop");
    const input = invitation();
    const elsewhere = await inviteMember(other, input);

    const here = await inviteMember(tenant, { ...input, role: "admin" });

    expect(here.userId).toBe(elsewhere.userId);
    expect(await db.membership.count({ where: { userId: here.userId } })).toBe(2);
  });
});
