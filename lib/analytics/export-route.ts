import { Readable } from "node:stream";
import { recordAuditEvent } from "../audit/audit-events";
import { InputError } from "../forms/input-error";
import type { Member } from "../tenancy/tenant";
import { isoDay } from "./date-range";
import { resolveFilters, type AnalyticsFilters } from "./filters";
import { analyticsQuerySchema } from "./schemas";

/**
 * A CSV download of the view named by the request's query string, for memberRoute: malformed filters are 400
 * with zod's message, another tenant's ids 404 (NotFoundError), otherwise the streamed file.
 */
export async function csvDownload(member: Member, request: Request, name: string, csv: (member: Member, filters: AnalyticsFilters) => Readable) {
  const parsed = analyticsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new InputError({ query: parsed.error.issues[0].message });
  const filters = await resolveFilters(member, parsed.data);
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
