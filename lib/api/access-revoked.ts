import pg from "pg";
import type { Prisma } from "../db/client";
import { isEmbeddedDatabase } from "../db/embedded-url";
import { env } from "../env";
import { outsideRequests } from "../http/memory-limiter";

// API keys are remembered per app process (api-keys.ts). A revocation is announced on this channel by the
// transaction that revokes, so Postgres delivers it to every process exactly when it commits, and never for a
// revocation rolled back. Postgres rather than Redis pub/sub: the announcement cannot be lost between the commit
// and a separate publish, and it needs nothing beyond the database every process already has.
export const ACCESS_REVOKED_CHANNEL = "nps_access_revoked";
const RECONNECT_MS = 1_000;

/** Sent with the revoking transaction's commit (pg_notify is transactional). */
export async function announceRevocation(tx: Prisma.TransactionClient, subject: string) {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_REVOKED_CHANNEL}, ${subject})`;
}

// One listening connection per process, whichever of Next's bundles loaded this module first.
type Watch = { started: boolean; listening: boolean; epoch: number };
const watch: Watch = ((globalThis as { accessRevokedWatch?: Watch }).accessRevokedWatch ??= { started: false, listening: false, epoch: 0 });

/**
 * What a process may remember: a value read in the current epoch may be kept until the epoch changes. The epoch
 * moves on every announcement and whenever the listening connection is lost or made again (announcements may have
 * been missed meanwhile); while not listening nothing may be remembered at all. The embedded Postgres serves one
 * app process, which evicts its own cache when it revokes: there memory is always trusted.
 */
export function revocationEpoch(): { epoch: number; trusted: boolean } {
  if (isEmbeddedDatabase(env().DATABASE_URL)) return { epoch: watch.epoch, trusted: true };
  if (!watch.started) {
    watch.started = true;
    outsideRequests(listen);
  }
  return { epoch: watch.epoch, trusted: watch.listening };
}

/** This process's own revocation: forgotten at once, even before its announcement comes back. */
export function forgetRemembered() {
  watch.epoch += 1;
}

function listen() {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true, keepAliveInitialDelayMillis: 5_000 });
  let lost = false;
  const onLost = (error?: Error) => {
    if (lost) return;
    lost = true;
    watch.listening = false;
    watch.epoch += 1;
    console.warn(`[api-keys] revocation listener lost (${error?.message ?? "connection ended"}); reconnecting, keys are read on every call meanwhile`);
    client.end().catch(() => undefined);
    setTimeout(listen, RECONNECT_MS).unref();
  };
  client.on("notification", () => void (watch.epoch += 1));
  client.on("error", onLost);
  client.on("end", () => onLost());
  client
    .connect()
    .then(() => client.query(`LISTEN ${ACCESS_REVOKED_CHANNEL}`))
    .then(() => {
      if (lost) return;
      watch.epoch += 1;
      watch.listening = true;
    })
    .catch(onLost);
}
