import { logger, requestIdOf, withLogContext } from "./logger";

export type RequestLogFields = Record<string, unknown>;

/**
 * Serves a request under its request id (`x-request-id` given, or a fresh one): every line logged meanwhile, and
 * every job it queues (lib/queue/enqueue.ts), carries it, and the response returns it. One line is logged at the
 * end with the status, the time taken and what `work` put into `fields`. `done` hears the status and seconds.
 */
export async function withRequestLog(
  request: Request,
  event: string,
  work: (fields: RequestLogFields) => Promise<Response>,
  done?: (status: number, seconds: number) => void,
): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const started = performance.now();
  const fields: RequestLogFields = {};
  return withLogContext({ requestId }, async () => {
    let response: Response;
    try {
      response = await work(fields);
    } catch (error) {
      logger().error({ event, method: request.method, err: error, ms: elapsed(started), ...fields }, `${event} failed`);
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;
    done?.(response.status, seconds);
    logger().info({ event, method: request.method, status: response.status, ms: elapsed(started), ...fields }, event);
    // Response.redirect's headers are immutable: answer with a copy that carries the id.
    const headers = new Headers(response.headers);
    headers.set("x-request-id", requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10;
