import { env } from "../env";
import { memoryLimiter } from "../http/memory-limiter";

// Per API key and app process, like the survey pages' limits (lib/http/rate-limit.ts). API_RATE_PER_SECOND sets
// the sustained rate a key may call at; a burst of up to that many a second is fine.
// Built on first use, not at import: `next build` loads the route modules without the production settings.
let perKey: ReturnType<typeof memoryLimiter> | undefined;

export function limitApiRequest(apiKeyId: string) {
  perKey ??= memoryLimiter({ keyPrefix: "api-key", points: env().API_RATE_PER_SECOND, duration: 1 });
  return perKey(apiKeyId);
}
