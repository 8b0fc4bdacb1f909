import { env } from "../env";
import { rateLimiter } from "../http/limiter";

// Per API key, over all app processes (with REDIS_URL), like the survey pages' limits (lib/http/rate-limit.ts).
// API_RATE_PER_SECOND sets the sustained rate a key may call at; a burst of up to that many a second is fine.
// Built on first use, not at import: `next build` loads the route modules without the production settings.
let perKey: ReturnType<typeof rateLimiter> | undefined;

export function limitApiRequest(apiKeyId: string) {
  perKey ??= rateLimiter({ keyPrefix: "api-key", points: env().API_RATE_PER_SECOND, duration: 1 });
  return perKey(apiKeyId);
}
