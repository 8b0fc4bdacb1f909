import { AsyncLocalStorage } from "node:async_hooks";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Limits per app process (memory): enough to blunt token guessing and floods on one instance; a deployment with
// many instances divides an attacker's budget by nothing, so keep the numbers conservative.

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// The limiter forgets a key by a timer, and a timer keeps the async context it was created in: made inside a
// request, it kept Next's whole request (its request, response and caches, ~30 kB) until it fired, hundreds of
// megabytes under load and a long garbage collection every few seconds (bench:clicks). Limiters therefore count in
// the context this module was loaded in: the server's start (instrumentation.ts), or, where a bundle loads a copy
// of its own during a request, that one request, kept for good: one, not one per key.
const outsideRequests = AsyncLocalStorage.snapshot();

/** A limiter of `points` per `duration` seconds per key; `consume` counts one against every key it is given. */
export function memoryLimiter(options: { keyPrefix: string; points: number; duration: number }) {
  const limiter = new RateLimiterMemory(options);
  return async function consume(...keys: string[]): Promise<RateLimitVerdict> {
    try {
      await outsideRequests(() => Promise.all(keys.map((key) => limiter.consume(key))));
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  };
}
