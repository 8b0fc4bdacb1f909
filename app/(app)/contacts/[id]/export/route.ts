import { ACCESS } from "@/lib/auth/access";
import { memberRoute } from "@/lib/auth/member-route";
import { exportContactData } from "@/lib/privacy/export-contact";

/** Everything held on one contact as a JSON download (GDPR access request), for CX managers and admins. */
export const GET = memberRoute(ACCESS["/contacts/[id]/export"], async ({ member, params: { id } }) => {
  const data = await exportContactData(member, id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="contact-${id}.json"`,
      "cache-control": "no-store",
    },
  });
});
