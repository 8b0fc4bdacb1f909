import { z } from "zod";

// Parsed once; every module reads configuration from here, never from process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
  // Survey emails a worker fetches at once, and its parallel fetch loops on that queue (see lib/worker/worker.ts).
  SEND_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  SEND_WORK_LOOPS: z.coerce.number().int().min(1).max(20).default(3),
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

/** Without SMTP_URL, mail goes to the database outbox (the demo) instead of a mail server. */
export function usesOutbox(): boolean {
  return !env().SMTP_URL;
}
