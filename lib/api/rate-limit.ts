import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitVerdict } from "../http/rate-limit";

// Per API key and app process, like the survey pages' limits (lib/http/rate-limit.ts). API_RATE_PER_SECOND sets
// the sustained rate a key may call at; a burst of up to that many a second is fine.
const perKey = new RateLimiterMemory({ keyPrefix: "api-key", points: Number(process.env.API_RATE_PER_SECOND ?? 100), duration: 1 });

export async function limitApiRequest(apiKeyId: string): Promise<RateLimitVerdict> {
  try {
    await perKey.consume(apiKeyId);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}
