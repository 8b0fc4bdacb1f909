import { NextResponse, type NextRequest } from "next/server";
import { isWellEncoded, malformedSurveyLinkPage } from "@/lib/http/malformed-path";
import { hasSessionCookie, isSameOriginRequest, isStateChanging } from "@/lib/http/same-origin";
import { appContentSecurityPolicy, SURVEY_CONTENT_SECURITY_POLICY, withSecurityHeaders } from "@/lib/http/security-headers";
import { env } from "@/lib/env";

// Paths the first matcher below leaves out; the second brings them here only when they carry a "%".
const UNTOUCHED = /^\/(?:_next\/static|_next\/image|favicon\.ico|s\/|bench\/)/;

// Runs before every page and route but the survey pages (their headers are static, set in next.config.ts) and the
// bench's bare route, measured beside the score click (lib/ops/bench-insert.ts): a fresh CSP nonce per request
// for Next's scripts, and the common headers. A path with a malformed escape (`/s/%ff/5`, `/queue/%`), survey
// pages included, is answered here: Next's router would answer it with a bare 500
// (lib/http/malformed-path.ts). A signed-in browser's request that changes something (a server action, the CSV
// upload, the contact export) without our Origin is refused (lib/http/same-origin.ts); the API takes a Bearer key
// and next-auth's routes carry its CSRF token.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const wellEncoded = isWellEncoded(pathname);
  if (!wellEncoded && pathname.startsWith("/s/")) return malformedSurveyLinkPage(request);
  if (!wellEncoded && pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "not_found", message: "No such resource" }, { status: 404, headers: { "cache-control": "no-store" } });
  }
  if (wellEncoded && UNTOUCHED.test(pathname)) return NextResponse.next();
  if (isStateChanging(request.method) && hasSessionCookie(request) && !pathname.startsWith("/api/") && !isSameOriginRequest(request, env().APP_URL)) {
    const forbidden = new NextResponse("Forbidden: this request did not come from this site's pages.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    withSecurityHeaders(forbidden.headers, SURVEY_CONTENT_SECURITY_POLICY);
    return forbidden;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const contentSecurityPolicy = appContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  // The request id the logs follow (lib/logging/request-log.ts): the load balancer's or client's, else a fresh one.
  const given = request.headers.get("x-request-id");
  const requestId = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
  requestHeaders.set("x-request-id", requestId);
  // Any other malformed path goes to one that no route has: Next renders app/not-found.tsx with a 404.
  const response = wellEncoded
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL("/_malformed-path", request.url), { request: { headers: requestHeaders } });
  withSecurityHeaders(response.headers, contentSecurityPolicy);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|s/|bench/).*)" },
    // Any path with a "%" (Next tries a matcher on the raw and on the decoded path), survey pages included.
    { source: "/(.*%.*)" },
  ],
};
