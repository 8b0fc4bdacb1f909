import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export { Prisma } from "./generated/prisma/client";
export type { PrismaClient } from "./generated/prisma/client";

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  // Without a listener on every connection for its whole life, a database restart kills the process: pg raises
  // 'error' on a connection the server terminated. The pool drops it and the next query opens a fresh one.
  const logLostConnection = (error: Error) => console.error("database connection lost:", error.message);
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  pool.on("error", logLostConnection);
  pool.on("connect", (connection) => connection.on("error", logLostConnection));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.prisma ??= createClient();
    return Reflect.get(globalForPrisma.prisma, property, globalForPrisma.prisma);
  },
});

/** False for the process's client itself: what callers keep per transaction must not outlive it on the client. */
export function isTransactionClient(client: object): boolean {
  return client !== db && client !== globalForPrisma.prisma;
}
