import type { PGlite } from "@electric-sql/pglite";

type PendingMessage = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Frontend messages after which a client waits for ReadyForQuery: Sync, Query, Terminate, and the password reply
// of the start-up exchange. A start-up message has no type byte; its first byte is the high byte of its length, 0.
const ENDS_UNIT = new Set([0x53, 0x51, 0x58, 0x70, 0x00]);

/**
 * PGlite is one Postgres session, and pglite-socket shares it between all its connections message by message,
 * keeping a connection's turn only inside a transaction. An extended-protocol query (Parse, Bind, Execute, Sync)
 * is not a transaction, so two processes' queries (the app's and the worker's) interleave on the one session: one
 * binds the other's statement ("bind message supplies 3 parameters…") or reads its rows
 * (electric-sql/pglite#1046). This queue keeps a connection's turn from its first message until it waits for
 * ReadyForQuery outside a transaction, as a real server's separate sessions would look to each client; and a
 * failed message fails only itself instead of stopping the queue.
 */
export class EmbeddedSessionQueue {
  private pending: PendingMessage[] = [];
  private owner: number | null = null;
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.pending.length;
  }

  /** A connection went away: its queued messages fail, and outside a transaction its turn ends. */
  clearQueueForHandler(handlerId: number): void {
    this.pending = this.pending.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Connection closed"));
      return false;
    });
    if (this.owner === handlerId && !this.db.isInTransaction()) this.release();
  }

  /** A connection went away inside its transaction: roll it back so that the session is free for the others. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId || !this.db.isInTransaction()) return;
    await this.db.exec("ROLLBACK");
    this.release();
  }

  private release() {
    this.owner = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        // While a connection has the turn, only its messages run; the others wait for it to finish its unit.
        const index = this.owner === null ? 0 : this.pending.findIndex((item) => item.handlerId === this.owner);
        if (index < 0 || index >= this.pending.length) break;
        const [next] = this.pending.splice(index, 1);
        this.owner = next!.handlerId;
        await this.run(next!);
        if (ENDS_UNIT.has(next!.message[0]!) && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.draining = false;
    }
  }

  private async run({ message, onData, resolve, reject }: PendingMessage) {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            onData(data);
          },
        }),
      );
      resolve(bytes);
    } catch (error) {
      reject(error);
    }
  }
}
