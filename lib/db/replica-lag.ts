import { replicaPool } from "./read-replica";
import { replicaFailureOf } from "./replica-fallback";

export type ReadReplicaStatus =
  | { state: "not-configured" }
  | { state: "unreachable"; error: string }
  /** Reachable, but the question failed: shown rather than failing the admin page it is on. */
  | { state: "unknown"; error: string }
  /** DATABASE_READ_URL names a server that is not in recovery: a primary, or a replica that was promoted. */
  | { state: "not-a-replica" }
  /** Connected, but not receiving from the primary: what it shows is this old and will not get newer. */
  | { state: "not-streaming"; lagSeconds: number | null }
  | { state: "streaming"; lagSeconds: number };

/**
 * How far the replica's reads are behind the primary, asked of the replica itself (never of the primary in its
 * place). Behind is the age of the last transaction it replayed, but 0 once it has replayed all it received: a quiet
 * primary writes nothing new, and the age of the last write would grow without the replica being behind at all.
 */
export async function readReplicaStatus(): Promise<ReadReplicaStatus> {
  const pool = replicaPool();
  if (!pool) return { state: "not-configured" };
  try {
    // pg_stat_wal_receiver hides its status from roles without pg_read_all_stats: a receiver there counts as streaming.
    const { rows } = await pool.onReplica<{ inRecovery: boolean; streaming: boolean; caughtUp: boolean; lag: number | null }>(`
      SELECT pg_is_in_recovery() AS "inRecovery",
             EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status IS NULL OR status = 'streaming') AS streaming,
             pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AS "caughtUp",
             extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag`);
    const row = rows[0];
    if (!row.inRecovery) return { state: "not-a-replica" };
    if (!row.streaming) return { state: "not-streaming", lagSeconds: row.lag };
    return { state: "streaming", lagSeconds: row.caughtUp ? 0 : Math.max(0, row.lag ?? 0) };
  } catch (error) {
    const message = (error as Error).message || String(error);
    return replicaFailureOf(error) === "unreachable" ? { state: "unreachable", error: message } : { state: "unknown", error: message };
  }
}

/** The status as the jobs page shows it to admins. */
export function readReplicaStatusText(status: ReadReplicaStatus): string {
  switch (status.state) {
    case "not-configured":
      return "Read replica: not configured (every read goes to the primary).";
    case "unreachable":
      return "Read replica: unreachable — reads go to the primary.";
    case "unknown":
      return `Read replica: its lag could not be read (${status.error}).`;
    case "not-a-replica":
      return "Read replica: DATABASE_READ_URL is not a replica (not in recovery) — it may have been promoted.";
    case "not-streaming":
      return `Read replica: not receiving from the primary${status.lagSeconds === null ? "" : `; its last change is ${seconds(status.lagSeconds)} old`}.`;
    case "streaming":
      return `Read replica: ${seconds(status.lagSeconds)} behind.`;
  }
}

function seconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value).toLocaleString("en-GB")} s`;
}
