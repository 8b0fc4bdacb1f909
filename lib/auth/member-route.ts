import { env } from "../env";
import { InputError } from "../forms/input-error";
import type { Role } from "../generated/prisma/enums";
import { findMemberForUser, hasRole } from "../members/members";
import { NotFoundError, type MemberWithRole } from "../tenancy/tenant";
import { getSignedInUser } from "./session";

/** The path's [segments]: the route file knows which it has. */
type RouteParams = Record<string, string>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/** A post from another site (CSRF): browsers tell us through Origin and Sec-Fetch-Site. */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin) return true;
  return request.headers.get("sec-fetch-site") === "cross-site";
}

/**
 * The one wrapper of every signed-in route handler (downloads, uploads), what requireMember and runMemberAction
 * are for pages and actions, answering with a status instead of a page: signed out, not a member or below the
 * least role is 404 (never "forbidden"), and so are unknown or another tenant's ids (NotFoundError); a business rule's
 * refusal (InputError) is 400 with its message; anything but GET from another site is 403, since the session
 * cookie would go along with it.
 */
export function memberRoute<R extends Role>(
  minRole: R,
  handler: (context: { member: MemberWithRole<R>; request: Request; params: RouteParams }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    const user = await getSignedInUser();
    const member = user ? await findMemberForUser(user.id) : null;
    if (!member || !hasRole(member, minRole)) return notFound();
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) return new Response("Forbidden", { status: 403 });
    try {
      return await handler({ member: member as MemberWithRole<R>, request, params: await context.params });
    } catch (error) {
      if (error instanceof NotFoundError) return notFound();
      if (error instanceof InputError) return new Response(error.message, { status: 400, headers: { "cache-control": "no-store" } });
      throw error;
    }
  };
}
