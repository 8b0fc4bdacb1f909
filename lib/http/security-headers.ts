// One place for the headers every response carries. The signed-in pages need Next's own scripts, allowed by a
// per-request nonce; the public survey pages carry no script at all and get a policy that forbids every script.

const COMMON: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** For pages rendered by Next (the staff app): its scripts carry the nonce, nothing else may run. */
export function appContentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  return policy({
    "default-src": "'self'",
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // recharts and React set style attributes; styles cannot run code.
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
  });
}

/** For the public survey pages: plain HTML and one inline stylesheet, forms posting back to us. */
export const SURVEY_CONTENT_SECURITY_POLICY = policy({
  "default-src": "'none'",
  "style-src": "'unsafe-inline'",
  "img-src": "'self' data:",
  "form-action": "'self'",
  "base-uri": "'none'",
  "frame-ancestors": "'none'",
});

export function withSecurityHeaders(headers: Headers, contentSecurityPolicy: string): Headers {
  for (const [name, value] of Object.entries(COMMON)) headers.set(name, value);
  headers.set("Content-Security-Policy", contentSecurityPolicy);
  return headers;
}
