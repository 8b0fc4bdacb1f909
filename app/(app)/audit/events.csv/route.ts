import { Readable } from "node:stream";
import { auditLogCsv } from "@/lib/audit/audit-log-csv";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";
import { InputError } from "@/lib/forms/input-error";

/** The audit log as CSV with the page's filter, streamed; the download is itself an entry of the log. */
export const GET = memberRoute(ACCESS["/audit/events.csv"], async ({ member, request }) => {
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new InputError({ query: parsed.error.issues[0]!.message });
  const filename = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
  await recordAuditEvent(member, { action: "export", subject: filename, detail: { ...parsed.data } });
  return new Response(Readable.toWeb(auditLogCsv(member, auditFilterOf(parsed.data))) as ReadableStream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
