// CSRF for the signed-in app: a request that changes something must show it comes from our own pages. Browsers put
// Origin on every POST (same-origin ones included) and Sec-Fetch-Site on every request; another site's page can
// forge neither. A request with neither is not a browser's on our pages (or a very old browser's): refused too.

/** Methods that change something. */
export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/** The request names our own origin: APP_URL's, or (as Next checks server actions) the host it was sent to. */
export function isSameOriginRequest(request: Request, appUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "same-origin";
  if (origin === new URL(appUrl).origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** next-auth's session cookie (its name carries __Secure- under https). */
export function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/.test(request.headers.get("cookie") ?? "");
}
