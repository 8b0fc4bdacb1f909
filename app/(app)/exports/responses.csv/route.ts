import { responsesCsv } from "@/lib/analytics/exports";
import { csvDownload } from "@/lib/analytics/export-route";
import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";

/** The current view's responses as CSV, streamed. */
export const GET = memberRoute(ACCESS["/exports/responses.csv"], ({ member, request }) =>
  csvDownload(member, request, "responses", (member, filters) => responsesCsv(member, filters)),
);
