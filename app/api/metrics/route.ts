import { metricsResponse } from "@/lib/metrics/metrics";

// Prometheus metrics of this app process, for `Authorization: Bearer $METRICS_TOKEN`; 404 when METRICS_TOKEN is unset.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request.headers.get("authorization"));
}
