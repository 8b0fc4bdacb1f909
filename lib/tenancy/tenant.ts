import type { Role } from "../generated/prisma/enums";

/** The tenant every lib/ function is scoped to. */
export type Tenant = { organizationId: string };

/** A signed-in member of a tenant; storeIds is null when the role sees every store. */
export type Member = Tenant & { userId: string; role: Role; storeIds: string[] | null };

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
