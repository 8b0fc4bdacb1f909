import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readReplica } from "@/lib/db/read-replica";
import { readReplicaStatus, readReplicaStatusText } from "@/lib/db/replica-lag";

describe("without DATABASE_READ_URL", () => {
  it("reads go to the primary client itself, and the jobs page says so", async () => {
    expect(readReplica()).toBe(db);
    const status = await readReplicaStatus();
    expect(status).toEqual({ state: "not-configured" });
    expect(readReplicaStatusText(status)).toBe("Read replica: not configured (every read goes to the primary).");
  });
});

describe("the replica's status as admins read it", () => {
  it("says how far behind it is, or why it cannot", () => {
    expect(readReplicaStatusText({ state: "streaming", lagSeconds: 0.42 })).toBe("Read replica: 0.4 s behind.");
    expect(readReplicaStatusText({ state: "streaming", lagSeconds: 0 })).toBe("Read replica: 0.0 s behind.");
    expect(readReplicaStatusText({ state: "streaming", lagSeconds: 4321.6 })).toBe("Read replica: 4,322 s behind.");
    expect(readReplicaStatusText({ state: "unreachable", error: "connect ECONNREFUSED" })).toBe("Read replica: unreachable — reads go to the primary.");
    expect(readReplicaStatusText({ state: "not-streaming", lagSeconds: 30 })).toBe("Read replica: not receiving from the primary; its last change is 30 s old.");
    expect(readReplicaStatusText({ state: "not-a-replica" })).toMatch(/not a replica \(not in recovery\)/);
  });
});
