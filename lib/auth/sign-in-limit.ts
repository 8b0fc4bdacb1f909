import { env } from "../env";
import { rateLimiter } from "../http/limiter";
import type { RateLimitVerdict } from "../http/memory-limiter";
import { clientAddress } from "../http/rate-limit";

// The sign-in form mails a link to whatever address it is given: without a limit, a mail bomb aimed at anyone (and
// a drain on our sender's reputation). Counted per address asked for, known or not (so the answer says nothing about
// who has an account), and per client. In memory, per app process, like the other limits (lib/http/memory-limiter.ts).

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

let limiters: { perAddress: ReturnType<typeof rateLimiter>; perClient: ReturnType<typeof rateLimiter> } | undefined;

function signInLimiters() {
  limiters ??= {
    perAddress: rateLimiter({ keyPrefix: "sign-in-address", points: env().SIGN_IN_LIMIT_PER_ADDRESS, duration: SIGN_IN_WINDOW_SECONDS }),
    perClient: rateLimiter({ keyPrefix: "sign-in-client", points: env().SIGN_IN_LIMIT_PER_CLIENT, duration: SIGN_IN_WINDOW_SECONDS }),
  };
  return limiters;
}

/** The address next-auth mails the link to (its default normalizeIdentifier), so that spellings share a count. */
export function signInAddressKey(email: string): string {
  const [local = "", domain = ""] = email.normalize("NFKC").trim().toLowerCase().split("@");
  return `${local}@${domain.split(",")[0]}`;
}

/** The email a sign-in request asks a link for: next-auth's form (urlencoded) or JSON body. */
async function requestedEmail(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await request.clone().json()) as { email?: unknown };
      return typeof body?.email === "string" ? body.email : null;
    }
    return new URLSearchParams(await request.clone().text()).get("email");
  } catch {
    return null;
  }
}

/** Whether a request to next-auth asks for a sign-in email. */
export function isSignInEmailRequest(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.replace(/\/$/, "").endsWith("/api/auth/signin/email");
}

/** One request for a sign-in email: counts against the client's and the address's budget. */
export async function limitSignInRequest(request: Request): Promise<RateLimitVerdict> {
  const { perAddress, perClient } = signInLimiters();
  const email = await requestedEmail(request);
  const [client, address] = await Promise.all([
    perClient(clientAddress(request)),
    email ? perAddress(signInAddressKey(email)) : Promise.resolve<RateLimitVerdict>({ allowed: true }),
  ]);
  return client.allowed ? address : client;
}
