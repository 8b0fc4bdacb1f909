import type { z } from "zod";
import { getDashboard } from "../analytics/dashboard";
import { isoDay } from "../analytics/date-range";
import { resolveFilters } from "../analytics/filters";
import { analyticsQuerySchema } from "../analytics/schemas";
import type { Member } from "../tenancy/tenant";
import type { ApiCaller } from "./api-keys";
import { badInput } from "./handler";
import type { npsQuery } from "./schemas";

/**
 * GET /api/v1/nps: the dashboard's own summary (lib/analytics), so the API and the dashboard can never show two
 * figures for one view. The key acts as a CX manager of its tenant: every store, nothing else.
 */
export async function npsForApi(caller: ApiCaller, query: z.infer<typeof npsQuery>) {
  const parsed = analyticsQuerySchema.safeParse(query);
  if (!parsed.success) badInput(["query", ...(parsed.error.issues[0]?.path.map(String) ?? [])], parsed.error.issues[0]?.message ?? "Invalid");
  const member: Member = { organizationId: caller.organizationId, userId: `api-key:${caller.apiKeyId}`, role: "cx_manager", storeIds: null };
  const filters = await resolveFilters(member, parsed.data);
  const dashboard = await getDashboard(member, filters);
  return {
    ...dashboard.figure,
    sent: dashboard.sent,
    responseRate: dashboard.responseRate,
    distribution: dashboard.distribution,
    from: isoDay(filters.range.from),
    to: isoDay(filters.range.to),
  };
}
