import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { db, primaryPool } from "./client";
import { isEmbeddedDatabase } from "./embedded-url";
import { ReplicaOutages, replicaFailureOf } from "./replica-fallback";

/** The read pool's sessions as the replica's pg_stat_activity shows them. */
export const READ_APPLICATION_NAME = "nps-loop-read";

// A replica that does not answer at all (a host gone) would otherwise hold every page on it for the OS's timeout.
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * A pool on the replica whose every query that fails for the replica's sake (down, restarting, cut off, or
 * cancelled by replay) is asked again of the primary's pool, in the same request. Prisma's pg adapter runs each
 * statement outside a transaction as `pool.query(config)`, so that is where reads are caught: below Prisma, where
 * the driver's own error still says what went wrong.
 */
class ReplicaPool extends pg.Pool {
  constructor(
    options: pg.PoolConfig,
    readonly outages: ReplicaOutages,
  ) {
    super(options);
  }

  // Only the form Prisma's adapter uses, query(config) → Promise, falls back; callback and stream forms pass through.
  override query(...args: any[]): any {
    if (args.length !== 1 || typeof args[0]?.submit === "function") return Reflect.apply(super.query, this, args);
    return this.readWithFallback(args[0] as pg.QueryConfig);
  }

  private async readWithFallback(config: pg.QueryConfig): Promise<pg.QueryResult> {
    if (!this.outages.shouldTryReplica()) return primaryPool().query(config);
    const startedAt = Date.now();
    try {
      const result = await this.onReplica(config);
      this.outages.answered(startedAt);
      return result;
    } catch (error) {
      const failure = replicaFailureOf(error);
      if (!failure) throw error;
      if (failure === "unreachable") this.outages.failed(error as Error);
      return primaryPool().query(config);
    }
  }

  /** A statement for the replica only, never the primary: what asks about the replica itself (its lag). */
  onReplica<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig | string): Promise<pg.QueryResult<R>> {
    return super.query<R>(config as pg.QueryConfig);
  }
}

const globalForReplica = globalThis as unknown as { readReplica?: { client: PrismaClient; pool: ReplicaPool } };

function replica() {
  const { DATABASE_URL, DATABASE_READ_URL, DATABASE_POOL_SIZE } = env();
  // The embedded Postgres is one session in this process: there is nothing to replicate it to.
  if (!DATABASE_READ_URL || isEmbeddedDatabase(DATABASE_URL)) return null;
  if (!globalForReplica.readReplica) {
    const pool = new ReplicaPool(
      { connectionString: DATABASE_READ_URL, max: DATABASE_POOL_SIZE, application_name: READ_APPLICATION_NAME, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
      new ReplicaOutages(),
    );
    // Without a listener a connection the replica terminates while idle kills the process; the pool drops it, and
    // the next read finds out whether the replica is gone (and falls back) or was only restarted.
    const ignore = () => {};
    pool.on("error", ignore);
    pool.on("connect", (connection) => connection.on("error", ignore));
    globalForReplica.readReplica = { pool, client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
  }
  return globalForReplica.readReplica;
}

/**
 * The client for reads that may be a moment behind the user's own writes: dashboards, the comments explorer, theme
 * figures, CSV exports and API GETs. The replica named by DATABASE_READ_URL, or the primary client itself when there
 * is none. Single statements only: no writes, no transactions, no `FOR UPDATE`, no temporary tables (a replica
 * refuses them), and whatever must show what the user just changed reads `db`.
 */
export function readReplica(): PrismaClient {
  return replica()?.client ?? db;
}

/** The replica's pool, to ask it about itself; null when reads go to the primary by configuration. */
export function replicaPool(): ReplicaPool | null {
  return replica()?.pool ?? null;
}

/** Closes the replica's connections (tests, scripts that end). */
export async function disconnectReadReplica(): Promise<void> {
  const current = globalForReplica.readReplica;
  globalForReplica.readReplica = undefined;
  await current?.client.$disconnect();
}
