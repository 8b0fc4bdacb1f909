import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../generated/prisma/enums";
import { findMemberForUser, hasRole } from "../members/members";
import type { MemberWithRole } from "../tenancy/tenant";
import { authOptions } from "./options";

/** The only place that reads the session: swap the auth library here and nowhere else. */
export const getSignedInUser = cache(async (): Promise<{ id: string; email: string; locale: string | null } | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null; locale?: string | null } | undefined;
  return user?.id && user.email ? { id: user.id, email: user.email, locale: user.locale ?? null } : null;
});

/**
 * The guard of every signed-in page and action: the caller's membership in their tenant, with the store ids a
 * store manager is limited to. Signed out: to the sign-in page. Not a member: "not found". A member whose role is
 * below the page's sees "you don't have access to this" (403): the page exists for everyone of the tenant, so saying
 * so tells nothing; ids of other tenants and other stores stay "not found" (NotFoundError, in lib/). An action
 * (`belowRole: "not-found"`) is no page to explain anything on, and answers "not found" like a foreign id.
 */
export const requireMember = cache(
  async <R extends Role = "store_manager">(minRole?: R, belowRole: "forbidden" | "not-found" = "forbidden"): Promise<MemberWithRole<R>> => {
    const user = await getSignedInUser();
    if (!user) redirect("/signin");
    const member = await findMemberForUser(user.id);
    if (!member) notFound();
    if (!hasRole(member, minRole ?? "store_manager")) return belowRole === "forbidden" ? forbidden() : notFound();
    return member as MemberWithRole<R>;
  },
);
