import { memoryLimiter } from "../http/memory-limiter";

// Per API key and app process, like the survey pages' limits (lib/http/rate-limit.ts). API_RATE_PER_SECOND sets
// the sustained rate a key may call at; a burst of up to that many a second is fine.
const perKey = memoryLimiter({ keyPrefix: "api-key", points: Number(process.env.API_RATE_PER_SECOND ?? 100), duration: 1 });

export const limitApiRequest = (apiKeyId: string) => perKey(apiKeyId);
