// When a read meant for the replica is asked again of the primary, and how an outage is logged. Only failures of
// the replica itself are retried: a read that fails for its own SQL would fail on the primary too, and a write that
// reached the replica (25006, read-only transaction) is a bug to see, not to hide.

const UNREACHABLE_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, not yet consistent).
const UNREACHABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);
// pg's own errors for a lost or never-made connection carry no code.
const LOST_CONNECTION_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/**
 * "unreachable": the replica is down, restarting or cut off (a network error, SQLSTATE class 08, shutdown).
 * "recovery-conflict": the replica cancelled the read to replay the primary's changes; the primary can answer it.
 * null: anything else, which the caller gets as it is.
 */
export function replicaFailureOf(error: unknown): "unreachable" | "recovery-conflict" | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (UNREACHABLE_ERROR_CODES.has(code) || UNREACHABLE_SQLSTATES.has(code) || code.startsWith("08")) return "unreachable";
    if ((code === "40001" || code === "40P01") && /conflict with recovery/.test(error.message)) return "recovery-conflict";
  }
  // Node reports a refused connection to a name with several addresses as an AggregateError of one per address.
  if (error instanceof AggregateError && error.errors.some((inner) => replicaFailureOf(inner) === "unreachable")) return "unreachable";
  return LOST_CONNECTION_MESSAGE.test(error.message) ? "unreachable" : null;
}

// While the replica is down, reads go straight to the primary instead of each first waiting for a refused (or, for a
// replica that does not answer at all, timed-out) connection; after this pause the next read tries the replica again.
export const RETRY_REPLICA_AFTER_MS = 5_000;

const LOG_PREFIX = "[read-replica]";

/**
 * The replica's outages as reads see them: the first failed read of an outage logs it, the first read the replica
 * answers again ends it (and logs that). Reads that began before the last failure do not end it: a read that was
 * still finishing when the replica stopped would otherwise log the same outage twice.
 */
export class ReplicaOutages {
  private downSince: number | null = null;
  private lastFailureAt = 0;

  constructor(
    private readonly log: { error: (message: string) => void; info: (message: string) => void } = console,
    private readonly clock: () => number = Date.now,
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** False while the replica is down and was tried less than RETRY_REPLICA_AFTER_MS ago. */
  shouldTryReplica(): boolean {
    return this.downSince === null || this.clock() - this.lastFailureAt >= RETRY_REPLICA_AFTER_MS;
  }

  failed(error: Error): void {
    const now = this.clock();
    this.lastFailureAt = now;
    if (this.downSince !== null) return;
    this.downSince = now;
    this.log.error(`${LOG_PREFIX} replica unreachable (${describe(error)}): reads go to the primary until it answers again`);
  }

  /** The replica answered a read that began at `startedAt`. */
  answered(startedAt: number): void {
    if (this.downSince === null || startedAt < this.lastFailureAt) return;
    const seconds = Math.round((this.clock() - this.downSince) / 1000);
    this.downSince = null;
    this.log.info(`${LOG_PREFIX} replica answers again after ${seconds} s: reads go to the replica`);
  }
}

function describe(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof AggregateError && !error.message ? error.errors.map(String).join("; ") : error.message;
  return typeof code === "string" ? `${code}: ${message}` : message;
}
