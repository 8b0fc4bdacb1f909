import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APPLICATION_NAME } from "./embedded-url";
import { EmbeddedSessionQueue } from "./embedded-session-queue";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * Serves PGlite (Postgres compiled to WASM) on the Postgres wire protocol, so the app talks to it through the
 * same adapter-pg as to a real server. `dataDir` undefined keeps it in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir?: string, port = 0): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const database = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db: database, host: "127.0.0.1", port, maxConnections: 8 });
  // The server's own queue lets connections' queries interleave on PGlite's one session (see the queue's comment);
  // every connection handler takes the server's queue when it attaches, so replacing it before start suffices.
  (server as unknown as { queryQueue: EmbeddedSessionQueue }).queryQueue = new EmbeddedSessionQueue(database);
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`,
    stop: async () => {
      await server.stop();
      await database.close();
    },
  };
}
