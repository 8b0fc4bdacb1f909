import { responsesCsv } from "@/lib/analytics/exports";
import { csvDownload } from "@/lib/analytics/export-route";

/** The current view's responses as CSV, streamed. */
export async function GET(request: Request) {
  return csvDownload(request, "responses", (member, filters) => responsesCsv(member, filters));
}
