import { NextResponse, type NextRequest } from "next/server";
import { appContentSecurityPolicy, withSecurityHeaders } from "@/lib/http/security-headers";

// Runs before every page and route but the survey pages (their headers are static, set in next.config.ts): a fresh
// CSP nonce per request for Next's scripts, and the common headers.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const contentSecurityPolicy = appContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  withSecurityHeaders(response.headers, contentSecurityPolicy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|s/).*)" }],
};
