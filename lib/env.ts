import { z } from "zod";
import { isEmbeddedDatabase } from "./db/embedded-url";

// The logger's settings, readable on their own (logSettings) before the rest is valid: a script logs its complaint
// about a missing DATABASE_URL through the logger.
const loggingSchema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // json: one JSON object a line (production); pretty: coloured lines. Unset: pretty on a terminal outside production.
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
});

// Parsed once; every module reads configuration from here, never from process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Demo mode (sample data, mail to the outbox, one-click sign-ins): see demoModeOf. Only "true" or "false".
  DEMO_MODE: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"]).optional()),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it to the embedded Postgres when unset)"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // A streaming replica for the analytics and API reads (lib/db/read-replica.ts); unset, they read the primary.
  DATABASE_READ_URL: z.string().optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("NPS Loop <no-reply@nps-loop.local>"),
  // Postgres schema of the job queue (pg-boss); a separate one gives a test or a second app its own queues.
  JOB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,40}$/, "a lower-case Postgres schema name").default("pgboss"),
  // SMTP connections kept open and reused (nodemailer's pool), and messages per second over all of them (0 = no limit).
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  SMTP_RATE_PER_SECOND: z.coerce.number().int().min(0).default(0),
  // Reverse proxies of our own in front of the app: that many X-Forwarded-For entries are skipped from the right.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  API_RATE_PER_SECOND: z.coerce.number().int().min(1).default(100),
  // Sign-in emails asked for per 15 minutes, per email address and per client address (lib/auth/sign-in-limit.ts).
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  // Rate limits shared by every app process (lib/http/limiter.ts); unset: each process counts on its own.
  REDIS_URL: z.string().optional(),
  REDIS_KEY_PREFIX: z.string().default("nps:"),
  // Survey emails a worker fetches at once, and its parallel fetch loops on that queue (see lib/worker/worker.ts).
  SEND_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  SEND_WORK_LOOPS: z.coerce.number().int().min(1).max(20).default(3),
  // Operations (docs/operations.md): log level and format, the metrics endpoints' bearer token (unset: no metrics),
  // the worker's own metrics port, and how long a stopping worker lets the jobs in hand finish.
  ...loggingSchema.shape,
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN: at least 16 characters").optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WORKER_STOP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  // The app's stop on SIGTERM (read by scripts/app-graceful.mjs): /api/ready answers 503 this long first, then
  // the requests in progress get at most SHUTDOWN_TIMEOUT_SECONDS.
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(5),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  // "1" only for a benchmark's own app (npm run bench:clicks): turns on the bare-insert route (lib/ops/bench-insert.ts).
  BENCH_ROUTES: z.enum(["0", "1"]).optional(),
  // Encrypts single sign-on client secrets at rest (lib/identity/secret-box.ts): 32 bytes, base64. Required outside
  // demo mode to save or use a single sign-on connection.
  SSO_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "SSO_ENCRYPTION_KEY: 32 bytes in base64 (openssl rand -base64 32)")
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(result.error)}`);
    }
    parsed = result.data;
  }
  return parsed;
}

export function logSettings(): z.infer<typeof loggingSchema> & { NODE_ENV?: string } {
  const result = loggingSchema.safeParse(process.env);
  return { ...(result.success ? result.data : { LOG_LEVEL: "info" }), NODE_ENV: process.env.NODE_ENV };
}

type Source = Record<string, string | undefined>;

/**
 * The one decision of demo mode, for every process (npm start, next start, the worker, the seed): DEMO_MODE when an
 * operator set it; otherwise on only with the embedded database (DATABASE_URL unset, so `npm start` starts PGlite,
 * whose URL says so). A real server is production unless DEMO_MODE=true was set on purpose.
 */
export function demoModeOf(source: Source): boolean {
  if (source.DEMO_MODE === "true") return true;
  if (source.DEMO_MODE === "false") return false;
  return !source.DATABASE_URL || isEmbeddedDatabase(source.DATABASE_URL);
}

export function isDemoMode(): boolean {
  const { DEMO_MODE, DATABASE_URL } = env();
  return demoModeOf({ DEMO_MODE, DATABASE_URL });
}

/** Demo mode without SMTP_URL: mail goes to the database outbox (/outbox) instead of a mail server. Never outside it. */
export function usesOutbox(): boolean {
  return isDemoMode() && !env().SMTP_URL;
}

/** Outside demo mode nothing is made up: no outbox, no generated secret, no guessed public URL. */
export const PRODUCTION_SETTINGS = ["SMTP_URL", "NEXTAUTH_SECRET", "APP_URL"] as const;
/** The worker signs no sessions. */
export const WORKER_SETTINGS = ["SMTP_URL", "APP_URL"] as const;

/**
 * Why this process must not start, in one line, or null: outside demo mode, the settings production needs and that
 * are missing. Checked by `npm start` before anything else, by the app (instrumentation.ts) and the worker.
 */
export function startupRefusal(source: Source = process.env, settings: readonly string[] = PRODUCTION_SETTINGS): string | null {
  if (source.DEMO_MODE && !["true", "false"].includes(source.DEMO_MODE)) {
    return `Refusing to start: DEMO_MODE must be true or false, not "${source.DEMO_MODE}"`;
  }
  if (demoModeOf(source)) return null;
  const missing = settings.filter((name) => !source[name]);
  if (missing.length === 0) return null;
  const why = source.DEMO_MODE === "false" ? "DEMO_MODE is false" : "DATABASE_URL is set and DEMO_MODE is not true";
  return `Refusing to start: set ${missing.join(", ")} (production is not demo mode: ${why})`;
}

/** For a process's entry point: prints the refusal and exits with 1 when startupRefusal has one. */
export function exitIfRefused(source: Source = process.env, settings: readonly string[] = PRODUCTION_SETTINGS): void {
  const refusal = startupRefusal(source, settings);
  if (!refusal) return;
  console.error(refusal);
  process.exit(1);
}
