import { readdirSync } from "node:fs";
import path from "node:path";
import { preparedQuery } from "../db/client";
import { jobSchema } from "../queue/enqueue";

// GET /api/ready: may this process take traffic? The database answers, every migration in prisma/migrations is
// applied, and pg-boss's tables exist (the app queues jobs in its transactions). One small statement per call;
// once every migration has been seen applied it is not asked again (migrations are only ever added, by a deploy
// that starts new processes), so a load balancer may poll every second.

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "database_unreachable" | "migrations_pending" | "job_queue_missing"; detail: string };

export type RunQuery = (name: string, text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

type Options = { query?: RunQuery; migrations?: string[]; jobSchema?: string; timeoutMs?: number };

/** The migrations this build expects: the folder names under prisma/migrations, read once. */
let expected: string[] | undefined;
function expectedMigrations(): string[] {
  expected ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return expected;
}

/** A readiness check of its own (its cache of "all applied" included); the app's is `checkReadiness`. */
export function createReadinessCheck(options: Options = {}): () => Promise<Readiness> {
  let allApplied = false;
  return async () => {
    const query = options.query ?? (preparedQuery as RunQuery);
    const migrations = options.migrations ?? expectedMigrations();
    const schema = options.jobSchema ?? jobSchema();
    const queueTables = [`${schema}.job`, `${schema}.queue`];
    let row: Record<string, unknown>;
    try {
      const statement = allApplied
        ? query("ready-queue", `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS "queue"`, queueTables)
        : query(
            "ready-full",
            `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS "queue",
                    (SELECT array_agg(name ORDER BY name) FROM unnest($3::text[]) AS name
                      WHERE NOT EXISTS (SELECT 1 FROM "_prisma_migrations" m
                                         WHERE m.migration_name = name AND m.finished_at IS NOT NULL AND m.rolled_back_at IS NULL)) AS "missing"`,
            [...queueTables, migrations],
          );
      [row = {}] = await withTimeout(statement, options.timeoutMs ?? 2_000);
    } catch (error) {
      // 42P01: no _prisma_migrations table, a database never migrated.
      if ((error as { code?: string }).code === "42P01") {
        return { ready: false, reason: "migrations_pending", detail: "no migration applied (_prisma_migrations missing): run npm run db:migrate" };
      }
      return { ready: false, reason: "database_unreachable", detail: describe(error) };
    }
    if (!allApplied) {
      const missing = (row.missing as string[] | null) ?? [];
      if (missing.length > 0) {
        return { ready: false, reason: "migrations_pending", detail: `${missing.length} not applied: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " …" : ""}` };
      }
      allApplied = true;
    }
    if (row.queue !== true) return { ready: false, reason: "job_queue_missing", detail: `pg-boss tables ${queueTables.join(", ")} not found` };
    return { ready: true };
  };
}

const globalForReadiness = globalThis as unknown as { npsReadiness?: () => Promise<Readiness>; __npsShuttingDown?: boolean };

/** Set by scripts/app-graceful.mjs on SIGTERM: the load balancer should take this process out of rotation. */
export function isShuttingDown(): boolean {
  return globalForReadiness.__npsShuttingDown === true;
}

/** This process's readiness, on its own database pool. */
export function checkReadiness(): Promise<Readiness> {
  globalForReadiness.npsReadiness ??= createReadinessCheck();
  return globalForReadiness.npsReadiness();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return `${code ? `${code}: ` : ""}${message ?? String(error)}`.slice(0, 300);
}
