import { responsesCsv } from "@/lib/analytics/exports";
import { csvDownload } from "@/lib/analytics/export-route";
import { memberRoute } from "@/lib/auth/member-route";

/** The current view's responses as CSV, streamed. */
export const GET = memberRoute("store_manager", ({ member, request }) =>
  csvDownload(member, request, "responses", (member, filters) => responsesCsv(member, filters)),
);
