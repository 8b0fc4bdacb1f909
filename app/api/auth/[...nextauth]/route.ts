import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isSignInEmailRequest, limitSignInRequest } from "@/lib/auth/sign-in-limit";
import { env } from "@/lib/env";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes, with sign-in emails rate limited (lib/auth/sign-in-limit.ts): over the limit, no link is made
 * and no mail sent, and the sign-in page says so, the same for every address. next-auth's form asks for JSON (its
 * client follows the `url`); a plain form post is redirected.
 */
async function POST(request: NextRequest, context: Context) {
  if (isSignInEmailRequest(request)) {
    const verdict = await limitSignInRequest(request);
    if (!verdict.allowed) {
      const url = new URL("/signin?error=RateLimited", env().APP_URL).toString();
      const headers = { "retry-after": String(verdict.retryAfterSeconds), "cache-control": "no-store" };
      const wantsJson = new URLSearchParams(await request.clone().text().catch(() => "")).get("json") === "true";
      return wantsJson ? Response.json({ url }, { status: 429, headers }) : new Response(null, { status: 303, headers: { ...headers, location: url } });
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
