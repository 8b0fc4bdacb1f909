import { AsyncLocalStorage } from "node:async_hooks";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

// Limits per app process (memory): enough to blunt token guessing and floods on one instance. Several app
// processes share their counts through Redis instead (lib/http/limiter.ts); this store remains for one process.

/** `remaining` and `resetAt` (epoch ms, the end of the window) are of the key closest to its limit. */
export type RateLimitVerdict = { allowed: true; remaining?: number; resetAt?: number } | { allowed: false; retryAfterSeconds: number; resetAt: number };

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

// The limiter forgets a key by a timer, and a timer keeps the async context it was created in: made inside a
// request, it kept Next's whole request (its request, response and caches, ~30 kB) until it fired, hundreds of
// megabytes under load and a long garbage collection every few seconds (bench:clicks). Limiters therefore count in
// the context this module was loaded in: the server's start (instrumentation.ts), or, where a bundle loads a copy
// of its own during a request, that one request, kept for good: one, not one per key. A Redis client made in a
// request would keep it the same way (its sockets and reconnection timers), so stores are built here too.
export const outsideRequests = AsyncLocalStorage.snapshot();

/** `consume` for any store: counts one against every key it is given. */
export function consumerOf(limiter: () => RateLimiterAbstract | Promise<RateLimiterAbstract>) {
  return async function consume(...keys: string[]): Promise<RateLimitVerdict> {
    try {
      const counts = await outsideRequests(async () => {
        const store = await limiter();
        return Promise.all(keys.map((key) => store.consume(key)));
      });
      const tightest = counts.reduce<RateLimiterRes | undefined>((least, count) => (!least || count.remainingPoints < least.remainingPoints ? count : least), undefined);
      return tightest ? { allowed: true, remaining: tightest.remainingPoints, resetAt: Date.now() + tightest.msBeforeNext } : { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), resetAt: Date.now() + rejection.msBeforeNext };
      }
      throw rejection;
    }
  };
}

/** A limiter of `points` per `duration` seconds per key, counted in this process alone. */
export function memoryLimiter(options: LimiterOptions) {
  const limiter = new RateLimiterMemory(options);
  return consumerOf(() => limiter);
}
