import type { Role } from "../generated/prisma/enums";

/**
 * The tenant every lib/ function is scoped to, whole: it carries no store limit (storeIds absent or null). A store
 * manager is therefore not a Tenant, so handing one to a tenant-wide function cannot silently drop their limit.
 */
export type Tenant = { organizationId: string; storeIds?: null };

/** A store manager: limited to their stores. */
export type StoreManager = { organizationId: string; userId: string; role: "store_manager"; storeIds: string[] };

/** A CX manager or admin: sees every store, so they lose nothing where a Tenant is expected (and are one). */
export type TenantWideMember = { organizationId: string; userId: string; role: Exclude<Role, "store_manager">; storeIds: null };

/** A signed-in member of a tenant; storeIds is null when the role sees every store. */
export type Member = StoreManager | TenantWideMember;

/** The member a guard with this least role admits: from CX manager up, one who sees every store. */
export type MemberWithRole<R extends Role> = R extends "store_manager"
  ? Member
  : R extends "cx_manager"
    ? TenantWideMember
    : TenantWideMember & { role: "admin" };

/**
 * The member's whole tenant, their store limit dropped: only for what no store limits (the tenant's settings,
 * surveys, themes, root causes) or for work already checked against the member's stores.
 */
export function tenantOf(member: Member): Tenant {
  return { organizationId: member.organizationId };
}

/** Thrown for unknown ids and for ids of another tenant alike, so that the answer never confirms existence. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Prisma filter limiting rows with a storeId to the stores a member may see. */
export function storeScope(member: Member): { storeId?: { in: string[] } } {
  return member.storeIds === null ? {} : { storeId: { in: member.storeIds } };
}
