import { z } from "zod";

// Parsed once; every module reads configuration from here, never from process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it to the embedded Postgres when unset)"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("NPS Loop <no-reply@nps-loop.local>"),
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
