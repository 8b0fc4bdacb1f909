import { AsyncLocalStorage } from "node:async_hooks";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Limits per app process (memory): enough to blunt token guessing and floods on one instance; a deployment with
// many instances divides an attacker's budget by nothing, so keep the numbers conservative.
const perClient = new RateLimiterMemory({ keyPrefix: "survey-ip", points: 120, duration: 60 });
const perToken = new RateLimiterMemory({ keyPrefix: "survey-token", points: 30, duration: 60 });

// The limiter forgets a key by a timer (60 s), and a timer keeps the async context it was created in: made inside
// a request, it kept Next's whole request (its request, response and caches, ~30 kB) for that minute, hundreds of
// megabytes under load and a long garbage collection every few seconds (bench:clicks). Its calls therefore run in
// the context this module was loaded in: the server's start (instrumentation.ts), or, where a bundle loads a copy
// of its own during a request, that one request, kept for good: one, not one per key.
const outsideRequests = AsyncLocalStorage.snapshot();

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The client address. Entries on the left of X-Forwarded-For are whatever the client sent, so we count from the
 * right: the last entry was added by the hop nearest to us, and TRUSTED_PROXY_HOPS skips our own reverse proxies.
 * Unknown clients share one bucket.
 */
export function clientAddress(request: Request, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops[hops.length - 1 - trustedProxyHops] ?? hops[0] ?? request.headers.get("x-real-ip") ?? "unknown";
}

/** One request to a public survey page: counts against the client's and the link's budget. */
export async function limitSurveyRequest(request: Request, token: string): Promise<RateLimitVerdict> {
  try {
    const address = clientAddress(request);
    await outsideRequests(() => Promise.all([perClient.consume(address), perToken.consume(token)]));
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
