import { followUpsCsv } from "@/lib/analytics/exports";
import { csvDownload } from "@/lib/analytics/export-route";

/** The follow-ups opened in the current view, as CSV, streamed. */
export async function GET(request: Request) {
  return csvDownload(request, "follow-ups", (member, filters) => followUpsCsv(member, filters));
}
