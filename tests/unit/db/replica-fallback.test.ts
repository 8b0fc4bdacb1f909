import { describe, expect, it } from "vitest";
import { ReplicaOutages, replicaFailureOf, RETRY_REPLICA_AFTER_MS } from "@/lib/db/replica-fallback";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("which failures of a read on the replica are asked again of the primary", () => {
  it("the replica down, restarting or cut off", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08006", "08001"]) {
      expect(replicaFailureOf(withCode(code)), code).toBe("unreachable");
    }
    expect(replicaFailureOf(new Error("Connection terminated unexpectedly"))).toBe("unreachable");
    expect(replicaFailureOf(new Error("timeout exceeded when trying to connect"))).toBe("unreachable");
    expect(replicaFailureOf(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], ""))).toBe("unreachable");
  });

  it("a read the replica cancelled to replay the primary's changes", () => {
    expect(replicaFailureOf(withCode("40001", "canceling statement due to conflict with recovery"))).toBe("recovery-conflict");
  });

  it("not a read's own error, nor a write that reached the replica", () => {
    expect(replicaFailureOf(withCode("42P01", 'relation "Nope" does not exist'))).toBeNull();
    expect(replicaFailureOf(withCode("22P02", "invalid input syntax for type uuid"))).toBeNull();
    expect(replicaFailureOf(withCode("25006", "cannot execute INSERT in a read-only transaction"))).toBeNull();
    expect(replicaFailureOf(withCode("40001", "could not serialize access due to concurrent update"))).toBeNull();
    expect(replicaFailureOf(new Error("anything else"))).toBeNull();
    expect(replicaFailureOf("not an error")).toBeNull();
  });
});

describe("an outage of the replica", () => {
  function outages() {
    const logged: string[] = [];
    let now = 1_000_000;
    const tracker = new ReplicaOutages({ error: (message) => logged.push(`error: ${message}`), info: (message) => logged.push(`info: ${message}`) }, () => now);
    return { tracker, logged, advance: (ms: number) => (now += ms), now: () => now };
  }

  it("is logged once however many reads fail, and its end once", () => {
    const { tracker, logged, advance, now } = outages();
    for (let read = 0; read < 20; read++) tracker.failed(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5441"));
    expect(logged).toEqual(["error: [read-replica] replica unreachable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5441): reads go to the primary until it answers again"]);
    expect(tracker.isDown).toBe(true);

    advance(RETRY_REPLICA_AFTER_MS);
    tracker.answered(now());
    tracker.answered(now());
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatch(/^info: \[read-replica\] replica answers again after 5 s/);

    tracker.failed(withCode("57P01", "terminating connection due to administrator command"));
    expect(logged).toHaveLength(3);
  });

  it("sends reads straight to the primary for a while, then tries the replica again", () => {
    const { tracker, advance } = outages();
    expect(tracker.shouldTryReplica()).toBe(true);
    tracker.failed(withCode("ECONNREFUSED"));
    expect(tracker.shouldTryReplica()).toBe(false);
    advance(RETRY_REPLICA_AFTER_MS - 1);
    expect(tracker.shouldTryReplica()).toBe(false);
    advance(1);
    expect(tracker.shouldTryReplica()).toBe(true);
  });

  it("is not ended by a read that began before the replica failed", () => {
    const { tracker, logged, advance, now } = outages();
    const startedBefore = now();
    advance(10);
    tracker.failed(withCode("ECONNRESET"));
    tracker.answered(startedBefore);
    expect(tracker.isDown).toBe(true);
    expect(logged).toHaveLength(1);
  });
});
