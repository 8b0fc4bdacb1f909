import { Readable } from "node:stream";
import { recordAuditEvent } from "../audit/audit-events";
import { memberForRoute } from "../auth/route-member";
import { NotFoundError, type Member } from "../tenancy/tenant";
import { isoDay } from "./date-range";
import { resolveFilters, type AnalyticsFilters } from "./filters";
import { analyticsQuerySchema } from "./schemas";

/**
 * A CSV download of the view named by the request's query string: 404 when signed out or for another tenant's
 * ids, 400 with zod's message for malformed filters, otherwise the streamed file.
 */
export async function csvDownload(request: Request, name: string, csv: (member: Member, filters: AnalyticsFilters) => Readable) {
  const member = await memberForRoute();
  if (!member) return new Response("Not found", { status: 404 });
  const parsed = analyticsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response(parsed.error.issues[0].message, { status: 400 });
  let filters: AnalyticsFilters;
  try {
    filters = await resolveFilters(member, parsed.data);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const filename = `${name}-${isoDay(filters.range.from)}-to-${isoDay(new Date(filters.range.to.getTime() - 86_400_000))}.csv`;
  await recordAuditEvent(member, { action: "export", subject: filename, detail: parsed.data });
  return new Response(Readable.toWeb(csv(member, filters)) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
