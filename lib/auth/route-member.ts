import type { Role } from "../generated/prisma/enums";
import { findMemberForUser, hasRole } from "../members/members";
import type { MemberWithRole } from "../tenancy/tenant";
import { getSignedInUser } from "./session";

/**
 * requireMember for route handlers (CSV downloads), which answer with a status instead of rendering the sign-in or
 * not-found page: null means "answer 404", whether signed out, not a member or not allowed.
 */
export async function memberForRoute<R extends Role = "store_manager">(minRole?: R): Promise<MemberWithRole<R> | null> {
  const user = await getSignedInUser();
  if (!user) return null;
  const member = await findMemberForUser(user.id);
  return member && hasRole(member, minRole ?? "store_manager") ? (member as MemberWithRole<R>) : null;
}
