/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (WASM Postgres, SMTP, the Prisma driver).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "nodemailer", "@react-email/render", "@react-email/components"],
  poweredByHeader: false,
};

export default nextConfig;
