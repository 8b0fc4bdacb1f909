import { resolveFilters } from "@/lib/analytics/filters";
import { analyticsQuerySchema } from "@/lib/analytics/schemas";
import type { Member } from "@/lib/tenancy/tenant";

/** The filters a page would get for this URL query. */
export function filtersFor(member: Member, query: Record<string, string> = {}, now = new Date()) {
  return resolveFilters(member, analyticsQuerySchema.parse(query), now);
}
