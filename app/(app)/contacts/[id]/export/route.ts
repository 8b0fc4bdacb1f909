import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";
import { exportContactData } from "@/lib/privacy/export-contact";

/**
 * Everything held on one contact as a JSON download (GDPR access request, the format of docs/privacy.md), for
 * admins. A POST (the contact page's "Export data" button), never a GET: the export is written to the audit log,
 * and a GET is followed by link prefetchers and scanners. A GET answers 405 and records nothing.
 */
export const POST = memberRoute(ACCESS["/contacts/[id]/export"], async ({ member, params: { id } }) => {
  const data = await exportContactData(member, id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // Named by the date, not the contact's internal id, which the file leaves out too.
      "content-disposition": `attachment; filename="personal-data-${data.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});
