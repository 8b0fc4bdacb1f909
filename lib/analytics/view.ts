import { readReplica } from "../db/read-replica";
import { listRegions, listStoreNames } from "../stores/stores";
import { listSurveys } from "../surveys/surveys";
import { tenantOf, type Member } from "../tenancy/tenant";
import { resolveFilters } from "./filters";
import { listSegments } from "./rollup";
import { analyticsQuerySchema, type AnalyticsQuery } from "./schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The filters of an analytics page from its URL. Malformed parameters are dropped with a message (the page still
 * shows the default view); ids of another tenant throw NotFoundError, which the page turns into "not found".
 */
export async function loadAnalyticsView(member: Member, searchParams: SearchParams, now = new Date()) {
  const parsed = analyticsQuerySchema.safeParse(searchParams);
  const query: AnalyticsQuery = parsed.success ? parsed.data : {};
  const error = parsed.success ? undefined : `${parsed.error.issues[0].message}; showing the default view.`;
  const [filters, stores, regions, surveys, segments] = await Promise.all([
    resolveFilters(member, query, now),
    listStoreNames(member, readReplica()),
    listRegions(tenantOf(member), readReplica()),
    listSurveys(tenantOf(member), readReplica()),
    listSegments(tenantOf(member)),
  ]);
  // A store manager filters by their own stores only; regions without any of them are no use to them.
  const visibleRegions = regions.filter((region) => member.storeIds === null || stores.some((store) => store.regionId === region.id));
  return { query, filters, error, options: { stores, regions: visibleRegions, surveys, segments } };
}
