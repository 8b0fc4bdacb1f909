import { followUpsCsv } from "@/lib/analytics/exports";
import { csvDownload } from "@/lib/analytics/export-route";
import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";

/** The follow-ups opened in the current view, as CSV, streamed. */
export const GET = memberRoute(ACCESS["/exports/follow-ups.csv"], ({ member, request }) =>
  csvDownload(member, request, "follow-ups", (member, filters) => followUpsCsv(member, filters)),
);
