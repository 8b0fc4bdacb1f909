// Liveness: the process is up and answering. No database: a database outage must not get every app process
// restarted by its supervisor (that is what /api/ready is for).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
