import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";
import { exportContactData } from "@/lib/privacy/export-contact";

/**
 * Everything held on one contact as a JSON download (GDPR access request), for CX managers and admins. A POST (the
 * contacts page's "Export data" button), never a GET: the export is written to the audit log, and a GET is followed
 * by link prefetchers and scanners. A GET answers 405 and records nothing.
 */
export const POST = memberRoute(ACCESS["/contacts/[id]/export"], async ({ member, params: { id } }) => {
  const data = await exportContactData(member, id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="contact-${id}.json"`,
      "cache-control": "no-store",
    },
  });
});
