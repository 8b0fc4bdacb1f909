import { describe, expect, expectTypeOf, it } from "vitest";
import type { requireMember } from "@/lib/auth/session";
import { tenantOf, type Member, type StoreManager, type Tenant, type TenantWideMember } from "@/lib/tenancy/tenant";

// Checked by `tsc --noEmit` (the assertions below are types; at run time they pass trivially): a store manager
// handed to a function of the whole tenant would silently see every store, so the types refuse it.

declare function tenantWide(tenant: Tenant): void;
declare const storeManager: StoreManager;
declare const member: Member;
declare const cxManager: TenantWideMember;

describe("a member where the whole tenant is expected", () => {
  it("is refused for a store manager, and for a member whose role is not known", () => {
    expectTypeOf<Member>().not.toExtend<Tenant>();
    expectTypeOf<StoreManager>().not.toExtend<Tenant>();
    // @ts-expect-error a store manager is not a Tenant
    if (false as boolean) tenantWide(storeManager);
    // @ts-expect-error nor is a member of any role
    if (false as boolean) tenantWide(member);
  });

  it("is accepted for a member who sees every store, who loses nothing", () => {
    expectTypeOf<TenantWideMember>().toExtend<Tenant>();
    if (false as boolean) tenantWide(cxManager);
  });

  it("is what the guard's least role says", () => {
    type Guarded<R extends Parameters<typeof requireMember>[0]> = Awaited<ReturnType<typeof requireMember<NonNullable<R>>>>;
    expectTypeOf<Guarded<"store_manager">>().not.toExtend<Tenant>();
    expectTypeOf<Guarded<"cx_manager">>().toExtend<Tenant>();
    expectTypeOf<Guarded<"admin">>().toExtend<Tenant>();
  });

  it("drops the store limit only through tenantOf, which keeps nothing but the tenant", () => {
    const manager: Member = { organizationId: "o", userId: "u", role: "store_manager", storeIds: ["s"] };
    expectTypeOf(tenantOf(manager)).toEqualTypeOf<Tenant>();
    expect(tenantOf(manager)).toEqual({ organizationId: "o" });
  });
});
