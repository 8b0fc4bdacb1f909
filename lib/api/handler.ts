import { z } from "zod";
import { env } from "../env";
import { InputError } from "../forms/input-error";
import { IdempotencyConflictError } from "../sending/request-survey-send";
import { NotFoundError } from "../tenancy/tenant";
import { authenticateApiKey, type ApiCaller } from "./api-keys";
import { limitApiRequest } from "./rate-limit";

type Issue = { path: (string | number)[]; message: string; code?: string };

/** Bad input found while handling a request: a 400 with its issues. */
class ApiInputError extends Error {
  constructor(readonly issues: Issue[], message = "The request is not valid") {
    super(message);
  }
}

// PostgreSQL text cannot hold a NUL character: refused up front, or the database would answer with a 500.
const NUL_MESSAGE = "Text must not contain NUL (\\u0000) characters";

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store", ...headers } });
}

function problem(status: number, error: string, message: string, extra: { issues?: Issue[]; headers?: Record<string, string> } = {}) {
  return json({ error, message, ...(extra.issues ? { issues: extra.issues } : {}) }, status, extra.headers);
}

/**
 * The one wrapper of every /api/v1 route: the Bearer key names the tenant (401 otherwise), each key is rate
 * limited (429 with Retry-After), and the domain's errors become JSON answers: bad input 400 with the zod issues,
 * unknown or another tenant's ids 404, idempotency conflicts 409. Anything else is a real 500.
 */
export function apiRoute<P = Record<string, never>>(handler: (context: { caller: ApiCaller; request: Request; params: P }) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const caller = await authenticateApiKey(request.headers.get("authorization"));
    if (!caller) {
      return problem(401, "unauthorized", "Send a valid API key: Authorization: Bearer <key>", { headers: { "WWW-Authenticate": 'Bearer realm="nps-loop"' } });
    }
    const verdict = await limitApiRequest(caller.apiKeyId);
    if (!verdict.allowed) {
      const headers = { "Retry-After": String(verdict.retryAfterSeconds), ...rateLimitHeaders(0, verdict.resetAt) };
      return problem(429, "rate_limited", "Too many requests for this key", { headers });
    }
    const response = await answerCall(handler, { caller, request, params: context.params });
    for (const [name, value] of Object.entries(rateLimitHeaders(verdict.remaining, verdict.resetAt))) response.headers.set(name, value);
    return response;
  };
}

async function answerCall<P>(handler: (context: { caller: ApiCaller; request: Request; params: P }) => Promise<Response>, context: { caller: ApiCaller; request: Request; params: Promise<P> }) {
  try {
    const params = await context.params;
    const nulParam = Object.entries(params ?? {}).find(([, value]) => typeof value === "string" && value.includes("\u0000"));
    if (nulParam) throw new ApiInputError([{ path: ["path", nulParam[0]], message: NUL_MESSAGE }]);
    return await handler({ caller: context.caller, request: context.request, params });
  } catch (error) {
    const answer = problemOf(error);
    if (!answer) throw error;
    return problem(answer.status, answer.error, answer.message, { issues: answer.issues });
  }
}

/**
 * A key's budget as GitHub's API tells it (X-RateLimit-Reset in epoch seconds): clients pace themselves by it, and
 * the cluster test tells the limiter's one-second windows apart by it.
 */
function rateLimitHeaders(remaining: number | undefined, resetAt: number | undefined): Record<string, string> {
  if (remaining === undefined || resetAt === undefined) return {};
  return { "X-RateLimit-Limit": String(env().API_RATE_PER_SECOND), "X-RateLimit-Remaining": String(remaining), "X-RateLimit-Reset": String(Math.ceil(resetAt / 1000)) };
}

export type Problem = { status: 400 | 404 | 409; error: string; message: string; issues?: Issue[] };

/** The answer to one of the domain's errors (a batch answers each of its items so); null for a real failure. */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof ApiInputError) return { status: 400, error: "bad_request", message: error.message, issues: error.issues };
  if (error instanceof InputError) {
    const issues = Object.entries(error.fieldErrors).map(([field, message]) => ({ path: field.split("."), message }));
    return { status: 400, error: "bad_request", message: error.message, issues };
  }
  if (error instanceof NotFoundError) return { status: 404, error: "not_found", message: error.message };
  if (error instanceof IdempotencyConflictError) return { status: 409, error: "conflict", message: error.message };
  return null;
}

function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: issue.message, code: issue.code }));
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiInputError([{ path: [], message: "The body must be JSON (Content-Type: application/json)" }]);
  }
  if (JSON.stringify(body)?.includes("\\u0000")) throw new ApiInputError([{ path: ["body"], message: NUL_MESSAGE }]);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiInputError(issuesOf(parsed.error, ["body"]));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const nul = Object.entries(query).find(([name, value]) => `${name}${value}`.includes("\u0000"));
  if (nul) throw new ApiInputError([{ path: ["query", nul[0]], message: NUL_MESSAGE }]);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ApiInputError(issuesOf(parsed.error, ["query"]));
  return parsed.data;
}

/** A header the API reads, checked like a body field. */
export function headerValue(request: Request, name: string, schema: z.ZodType<string>): string | null {
  const value = request.headers.get(name);
  if (value === null) return null;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiInputError(issuesOf(parsed.error, ["header", name]));
  return parsed.data;
}

export function badInput(path: (string | number)[], message: string): never {
  throw new ApiInputError([{ path, message }]);
}
