import { afterAll, inject } from "vitest";

// lib/env.ts reads process.env once, on first use; point it at the run's fresh database before any test runs.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE = String(inject("databasePoolSize"));
process.env.APP_URL = "http://localhost:3000";
// Tests run the app in demo mode whatever the database (mail to the outbox unless a test sets SMTP_URL);
// production's refusals are tested against `npm start` itself (tests/startup/).
process.env.DEMO_MODE = "true";
delete process.env.SMTP_URL;
// Reads go to the run's database, never to a replica a developer has configured (the replica test makes its own).
delete process.env.DATABASE_READ_URL;
// The app's JSON log lines (lib/logging/logger.ts) only when something goes wrong; LOG_LEVEL=info shows them all.
process.env.LOG_LEVEL ??= "warn";

// PGlite serves one session at a time: each test file releases its connections when it ends.
afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
});
