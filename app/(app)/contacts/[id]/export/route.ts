import { memberForRoute } from "@/lib/auth/route-member";
import { exportContactData } from "@/lib/privacy/export-contact";
import { NotFoundError } from "@/lib/tenancy/tenant";

type Context = { params: Promise<{ id: string }> };

/** Everything held on one contact as a JSON download (GDPR access request), for CX managers and admins. */
export async function GET(_request: Request, { params }: Context) {
  const member = await memberForRoute("cx_manager");
  if (!member) return Response.json({ error: "Not found" }, { status: 404 });
  const { id } = await params;
  try {
    const data = await exportContactData(member, id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="contact-${id}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "Not found" }, { status: 404 });
    throw error;
  }
}
