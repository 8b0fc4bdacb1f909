import http from "node:http";
import { logger } from "../logging/logger";
import { metricsResponse } from "../metrics/metrics";

/**
 * The worker's own metrics (emails, job failures, webhook deliveries live in the worker process) on
 * `GET /metrics` of WORKER_METRICS_PORT, with the same bearer token as the app's /api/metrics.
 */
export async function serveWorkerMetrics(port: number, host = "0.0.0.0"): Promise<http.Server> {
  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://worker").pathname;
    const answer = request.method === "GET" && path === "/metrics"
      ? await metricsResponse(request.headers.authorization ?? null)
      : new Response("Not found\n", { status: 404 });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(await answer.text());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  logger().info({ component: "worker", port }, `worker metrics on :${port}/metrics`);
  return server;
}
