import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SURVEY_CONTENT_SECURITY_POLICY, withSecurityHeaders } from "./lib/http/security-headers";

const surveyHeaders = [...withSecurityHeaders(new Headers(), SURVEY_CONTENT_SECURITY_POLICY)].map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Server-only packages that must not be bundled (WASM Postgres, SMTP, the Prisma driver, metrics, the limits' Redis client).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "nodemailer", "@react-email/components", "prom-client", "ioredis"],
  poweredByHeader: false,
  // forbidden() and forbidden.tsx: a page refused for a member's role says so (403) instead of "not found".
  experimental: { authInterrupts: true },
  // The public survey pages' headers are the same on every response (no nonce: they carry no script), so Next's
  // router sets them and the score click, the hottest path, skips the proxy (proxy.ts).
  async headers() {
    return [{ source: "/s/:path*", headers: surveyHeaders }];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
