import { timingSafeEqual, createHash } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { preparedQuery } from "../db/client";
import { env } from "../env";
import { jobSchema } from "../queue/enqueue";
import { QUEUES } from "../queue/queues";
import { logger } from "../logging/logger";

// Prometheus metrics of this process (docs/operations.md says what each means and what to alert on). Counters are
// per process: the app's (clicks, sign-in mail) on /api/metrics of each app process, the worker's (emails, jobs,
// webhooks) on the worker's own port (WORKER_METRICS_PORT). The queue gauges read the shared tables, so any
// process reports the same values.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nps_" });
  const metric = <T>(build: (registers: Registry[]) => T) => build([registry]);
  return {
    registry,
    clickSeconds: metric(
      (registers) =>
        new Histogram({
          name: "nps_click_duration_seconds",
          help: "Time to answer a score click from the survey email (GET /s/{token}/{score}), by HTTP status",
          labelNames: ["status"] as const,
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers,
        }),
    ),
    responses: metric(
      (registers) =>
        new Counter({ name: "nps_responses_total", help: "Scores recorded from clicks, by category", labelNames: ["category"] as const, registers }),
    ),
    emails: metric(
      (registers) =>
        new Counter({
          name: "nps_emails_total",
          help: "Emails handed to SMTP (or the outbox), by kind and outcome: sent, deferred (not sent, retried later), failed (refused for good)",
          labelNames: ["kind", "outcome"] as const,
          registers,
        }),
    ),
    jobFailures: metric(
      (registers) => new Counter({ name: "nps_job_failures_total", help: "Job runs that threw (retried with backoff), by queue", labelNames: ["queue"] as const, registers }),
    ),
    webhookDeliveries: metric(
      (registers) =>
        new Counter({
          name: "nps_webhook_deliveries_total",
          help: "Webhook delivery attempts, by outcome: delivered, retrying, failed (given up), skipped (endpoint off)",
          labelNames: ["outcome"] as const,
          registers,
        }),
    ),
    queueDepth: metric(
      (registers) =>
        new Gauge({ name: "nps_job_queue_depth", help: "Jobs due and waiting to run (created or retry, start time passed), by queue", labelNames: ["queue"] as const, registers }),
    ),
    queueOldest: metric(
      (registers) =>
        new Gauge({ name: "nps_job_queue_oldest_age_seconds", help: "Seconds the oldest waiting job has been due, by queue (0 when none)", labelNames: ["queue"] as const, registers }),
    ),
  };
}

function withQueueSeries(m: ReturnType<typeof createMetrics>) {
  // Every queue's failure counter exists from the start at 0, so that rate() sees its first failure.
  for (const queue of Object.values(QUEUES)) m.jobFailures.inc({ queue }, 0);
  return m;
}

// One registry per process, kept on globalThis: Next's dev server reloads modules, and metrics must not reset.
const globalForMetrics = globalThis as unknown as { npsMetrics?: ReturnType<typeof createMetrics> };

export function metrics() {
  globalForMetrics.npsMetrics ??= withQueueSeries(createMetrics());
  return globalForMetrics.npsMetrics;
}

type QueueRow = { name: string; waiting: number; oldest: number };

/**
 * The queue gauges, from pg-boss's job table: one statement per scrape, read from pg-boss's own fetch index
 * (job_i5: name, start_after where state < 'active'), so it costs the waiting jobs, not the completed ones.
 */
async function refreshQueueGauges(): Promise<void> {
  const schema = jobSchema();
  const rows = await preparedQuery<QueueRow>(
    `metrics-queues-${schema}`,
    `SELECT name, count(*)::int AS waiting, extract(epoch FROM now() - min(start_after))::float8 AS oldest
       FROM ${schema}.job WHERE state < 'active' AND start_after <= now() GROUP BY name`,
    [],
  );
  const m = metrics();
  // Queues with nothing waiting are not in the result: they read 0.
  const known = new Set([...Object.values(QUEUES), ...rows.map((row) => row.name)]);
  for (const queue of known) {
    m.queueDepth.set({ queue }, 0);
    m.queueOldest.set({ queue }, 0);
  }
  for (const row of rows) {
    m.queueDepth.set({ queue: row.name }, row.waiting);
    m.queueOldest.set({ queue: row.name }, Math.max(0, row.oldest));
  }
}

/** The exposition text: the queue gauges read now (a failing read keeps the counters and logs why). */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  try {
    await refreshQueueGauges();
  } catch (error) {
    logger().warn({ err: error }, "metrics: could not read the job queue");
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Who may scrape: nobody when METRICS_TOKEN is unset (404, as if there were no such page), else a request with
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). Compared in constant time.
 */
export function metricsAccess(authorization: string | null, token = env().METRICS_TOKEN): 200 | 401 | 404 {
  if (!token) return 404;
  const given = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  if (!given) return 401;
  return timingSafeEqual(digest(given), digest(token)) ? 200 : 401;
}

/** The answer of a metrics endpoint (app route or worker port) to a request with this Authorization header. */
export async function metricsResponse(authorization: string | null, token = env().METRICS_TOKEN): Promise<Response> {
  const access = metricsAccess(authorization, token);
  if (access === 404) return new Response("Not found\n", { status: 404 });
  if (access === 401) return new Response("Unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const { contentType, body } = await scrape();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
