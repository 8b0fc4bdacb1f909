import { checkReadiness, isShuttingDown } from "@/lib/ops/readiness";

// Readiness for a load balancer (docs/deploy.md): 200 when this process can serve, 503 with the reason otherwise.
export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (isShuttingDown()) {
    return Response.json({ status: "unavailable", reason: "shutting_down", detail: "stopping after SIGTERM: finishing the requests in progress" }, { status: 503, headers });
  }
  const readiness = await checkReadiness();
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "unavailable", reason: readiness.reason, detail: readiness.detail }, { status: 503, headers });
}
