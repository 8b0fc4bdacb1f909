import { env } from "../env";
import { rateLimiter, type RateLimitVerdict } from "./limiter";

const perClient = rateLimiter({ keyPrefix: "survey-ip", points: 120, duration: 60 });
const perToken = rateLimiter({ keyPrefix: "survey-token", points: 30, duration: 60 });

/**
 * The client address. Entries on the left of X-Forwarded-For are whatever the client sent, so we count from the
 * right: the last entry was added by the hop nearest to us, and TRUSTED_PROXY_HOPS skips our own reverse proxies.
 * Unknown clients share one bucket.
 */
export function clientAddress(request: Request, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops[hops.length - 1 - trustedProxyHops] ?? hops[0] ?? request.headers.get("x-real-ip") ?? "unknown";
}

/** One request to a public survey page: counts against the client's and the link's budget. */
export async function limitSurveyRequest(request: Request, token: string): Promise<RateLimitVerdict> {
  const [client, link] = await Promise.all([perClient(clientAddress(request)), perToken(token)]);
  return client.allowed ? link : client;
}
