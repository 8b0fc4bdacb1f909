import { createApiKey } from "@/lib/api/api-keys";
import type { Tenant } from "@/lib/tenancy/tenant";

// Calls to the /api/v1 route handlers as Next hands them a request: real handlers, real database.

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function apiKeyFor(tenant: Tenant, name = "Shop") {
  return (await createApiKey(tenant, { name })).key;
}

export async function callApi<P = Record<string, never>>(
  handler: Handler<P>,
  options: { key?: string | null; path?: string; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: P },
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost:3000/api/v1${options.path ?? "/"}`, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET"),
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
