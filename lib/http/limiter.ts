import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { consumerOf, type LimiterOptions } from "./memory-limiter";
import { redisClient, warnRedisDown } from "./redis-client";

export type { RateLimitVerdict } from "./memory-limiter";

/**
 * A limiter of `points` per `duration` seconds per key. With REDIS_URL every app process counts against the same
 * budget; without it (the single-process demo) each counts in memory.
 *
 * Redis down or slow: the insurance limiter counts in this process, as if Redis were not configured. Failing open
 * would lift the guard on survey tokens and on API floods exactly when an operator is busy elsewhere; failing
 * closed would make every survey click depend on Redis. Per-process limits are what a single process always had.
 *
 * The store is chosen on first use, not at import: `next build` loads the route modules without the settings.
 */
export function rateLimiter(options: LimiterOptions) {
  let store: Promise<RateLimiterAbstract> | undefined;
  return consumerOf(() => (store ??= storeFor(options)));
}

async function storeFor(options: LimiterOptions): Promise<RateLimiterAbstract> {
  const redis = await redisClient();
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `${env().REDIS_KEY_PREFIX}${options.keyPrefix}`,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter(options),
  });
}

class InsuranceLimiter extends RateLimiterMemory {
  consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    warnRedisDown("a limit was counted in memory");
    return super.consume(...args);
  }
}
