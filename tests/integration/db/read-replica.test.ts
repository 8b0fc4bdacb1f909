import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listComments } from "@/lib/analytics/comments";
import { getDashboard } from "@/lib/analytics/dashboard";
import { followUpsCsv, responsesCsv } from "@/lib/analytics/exports";
import { getThemeFigures } from "@/lib/analytics/theme-figures";
import { db } from "@/lib/db/client";
import { disconnectReadReplica, READ_APPLICATION_NAME, readReplica } from "@/lib/db/read-replica";
import { RETRY_REPLICA_AFTER_MS } from "@/lib/db/replica-fallback";
import { readReplicaStatus, readReplicaStatusText } from "@/lib/db/replica-lag";
import { env } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/queue/enqueue";
import { saveComment } from "@/lib/responses/record-score";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createTenant } from "@/tests/support/factories";
import { withClient } from "@/tests/support/scratch-database";
import { postgresBinaries, startStreamingReplica, type StreamingReplica } from "@/tests/support/streaming-replica";
import { filtersFor } from "../analytics/filters-for";
import { respond } from "../responses/respond";

// Reads on a real streaming replica: the dashboard and the comments explorer run on it and not on the primary,
// show what it has replayed, and fall back to the primary (logged once) when it stops. The embedded PGlite cannot
// have a replica, so without TEST_DATABASE_URL this file is skipped; with it, it needs the server's binaries
// (tests/support/streaming-replica.ts), which .ci/run's machine has.

const bin = process.env.TEST_DATABASE_URL ? await postgresBinaries() : null;
if (process.env.TEST_DATABASE_URL && !bin && process.env.CI) throw new Error("CI must run the replica test: no PostgreSQL binaries found (set PG_BINDIR)");
const skipped = !process.env.TEST_DATABASE_URL
  ? " (skipped: needs TEST_DATABASE_URL, a real PostgreSQL; the embedded PGlite has no replicas)"
  : !bin
    ? " (skipped: no PostgreSQL server binaries on this machine; set PG_BINDIR)"
    : "";

const NOW = new Date("2026-03-01T12:00:00Z");
const QUERY = { from: "2026-02-01", to: "2026-02-28" };
const SCORES = [10, 9, 9, 8, 7, 3, 0];

let cluster: StreamingReplica | undefined;
const runDatabaseUrl = process.env.DATABASE_URL;
let tenant: Tenant;
let admin: Member;

/** Statements run in the test database on this server since the last reset, but the test's own questions. */
async function statementsOn(url: string) {
  const { rows } = await withClient(url, (client) =>
    client.query<{ query: string; calls: string }>(
      `SELECT query, calls FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_wal_replay%'`,
    ),
  );
  return rows;
}

/** Waits until the replica has received (not necessarily replayed) all the primary has written. */
async function received() {
  const { rows } = await withClient(cluster!.primaryUrl, (client) => client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"));
  const deadline = Date.now() + 10_000;
  const query = "SELECT pg_last_wal_receive_lsn() >= $1::pg_lsn AS done";
  while (!(await withClient(cluster!.replicaUrl, (client) => client.query<{ done: boolean }>(query, [rows[0].lsn]))).rows[0].done) {
    if (Date.now() > deadline) throw new Error("the replica has not received the primary's last write in 10 s");
    await sleep(20);
  }
}

const resetStatements = (url: string) => withClient(url, (client) => client.query("SELECT pg_stat_statements_reset()"));
const dashboard = async () => getDashboard(admin, await filtersFor(admin, QUERY, NOW), NOW);
const comments = async () => listComments(admin, await filtersFor(admin, QUERY, NOW), {});

describe.skipIf(!bin)(`reads on a streaming replica${skipped}`, () => {
  beforeAll(async () => {
    cluster = await startStreamingReplica(bin!);
    // Both set before anything reads the configuration (lib/env.ts parses it once): this file's clients only.
    process.env.DATABASE_URL = cluster.primaryUrl;
    process.env.DATABASE_READ_URL = cluster.replicaUrl;
    expect(env().DATABASE_READ_URL).toBe(cluster.replicaUrl);
    await migrate(cluster.primaryUrl);
    await installJobQueue(cluster.primaryUrl);

    ({ tenant, admin } = await createTenant("Replica Shop"));
    for (const [index, score] of SCORES.entries()) {
      const { send } = await respond(tenant, score, { at: new Date(`2026-02-${String(index + 2).padStart(2, "0")}T10:00:00Z`) });
      await saveComment(send.token, { comment: `Comment number ${index} about the till`, callbackConsent: false, callbackPhone: null });
    }
    await cluster.caughtUp();
  }, 90_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await disconnectReadReplica();
    await db.$disconnect();
    await cluster?.remove();
    // Should the worker process run another file next, it is back on the run's database, with no replica.
    process.env.DATABASE_URL = runDatabaseUrl;
    delete process.env.DATABASE_READ_URL;
  });

  it("runs the dashboard and the comments explorer on the replica, none of it on the primary", async () => {
    await Promise.all([resetStatements(cluster!.primaryUrl), resetStatements(cluster!.replicaUrl)]);

    const figures = await dashboard();
    const page = await comments();

    expect(figures.figure.responses).toBe(SCORES.length);
    expect(figures.figure.promoters).toBe(3);
    expect(figures.followUps.opened).toBe(2);
    expect(page.comments).toHaveLength(SCORES.length);

    expect(await statementsOn(cluster!.primaryUrl)).toEqual([]);
    const onReplica = await statementsOn(cluster!.replicaUrl);
    const calls = (pattern: RegExp) => onReplica.filter((row) => pattern.test(row.query)).reduce((sum, row) => sum + Number(row.calls), 0);
    expect(calls(/FROM "(Tenant|Store)?FeedbackRollup"/)).toBeGreaterThanOrEqual(2); // leaderboards and trend
    expect(calls(/"FollowUpHourRollup"/)).toBeGreaterThanOrEqual(1);
    expect(calls(/to_tsvector|"comment" IS NOT NULL/)).toBeGreaterThanOrEqual(1);

    // The read pool's sessions are on the replica, under their name; the primary has none.
    const sessions = (url: string) =>
      withClient(url, (client) => client.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1", [READ_APPLICATION_NAME]));
    expect((await sessions(cluster!.replicaUrl)).rowCount).toBeGreaterThan(0);
    expect((await sessions(cluster!.primaryUrl)).rowCount).toBe(0);
  });

  it("runs theme figures and CSV exports there too: nothing in them is a statement a replica refuses", async () => {
    await resetStatements(cluster!.replicaUrl);
    const filters = await filtersFor(admin, QUERY, NOW);
    const themes = await getThemeFigures(admin, filters);
    expect(themes.comments).toBe(SCORES.length);
    const csvLines = async (csv: NodeJS.ReadableStream) => (await new Response(Readable.toWeb(csv as Readable) as ReadableStream).text()).trim().split("\n");
    expect(await csvLines(responsesCsv(admin, filters))).toHaveLength(SCORES.length + 1);
    expect(await csvLines(followUpsCsv(admin, filters, NOW))).toHaveLength(2 + 1);
    const onReplica = (await statementsOn(cluster!.replicaUrl)).map((row) => row.query).join("\n");
    expect(onReplica).toMatch(/FROM "ThemeRollup"/);
    expect(onReplica).toMatch(/FROM "FollowUp" f/);
  });

  it("does not hand a write that reached the replica to the primary", async () => {
    await expect(readReplica().$executeRawUnsafe("CREATE TEMP TABLE written_on_the_replica (id int)")).rejects.toThrow(/read-only transaction/);
  });

  it("shows what the replica has replayed, and how far behind it is", async () => {
    await withClient(cluster!.replicaUrl, async (client) => {
      await client.query("SELECT pg_wal_replay_pause()");
      while ((await client.query("SELECT pg_get_wal_replay_pause_state() AS state")).rows[0].state !== "paused") await sleep(20);
    });
    try {
      await sleep(100); // the write below is then measurably later than the last one replayed
      await respond(tenant, 10, { at: new Date("2026-02-20T10:00:00Z") });
      expect(await db.response.count({ where: tenant })).toBe(SCORES.length + 1);
      expect((await dashboard()).figure.responses).toBe(SCORES.length);

      await received(); // streamed but not replayed: that is being behind
      const behind = await readReplicaStatus();
      expect(behind.state).toBe("streaming");
      expect(behind.state === "streaming" && behind.lagSeconds).toBeGreaterThan(0);
      expect(readReplicaStatusText(behind)).toMatch(/^Read replica: \d+(\.\d)? s behind\.$/);
    } finally {
      await withClient(cluster!.replicaUrl, (client) => client.query("SELECT pg_wal_replay_resume()"));
    }
    await cluster!.caughtUp();
    expect((await dashboard()).figure.responses).toBe(SCORES.length + 1);
    expect(await readReplicaStatus()).toEqual({ state: "streaming", lagSeconds: 0 });
  });

  it("falls back to the primary while the replica is stopped, logging the outage once", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const infos = vi.spyOn(console, "info").mockImplementation(() => {});
    await cluster!.stopReplica();
    await resetStatements(cluster!.primaryUrl);

    for (let request = 0; request < 3; request++) {
      expect((await dashboard()).figure.responses).toBe(SCORES.length + 1);
      expect((await comments()).comments).toHaveLength(SCORES.length);
    }
    const outageLogs = errors.mock.calls.filter(([message]) => String(message).startsWith("[read-replica]"));
    expect(outageLogs).toHaveLength(1);
    expect(String(outageLogs[0][0])).toMatch(/replica unreachable .*reads go to the primary/);
    expect((await statementsOn(cluster!.primaryUrl)).some((row) => /FROM "(Tenant|Store)?FeedbackRollup"/.test(row.query))).toBe(true);
    expect(readReplicaStatusText(await readReplicaStatus())).toBe("Read replica: unreachable — reads go to the primary.");

    // Back: after the pause the next read tries the replica, which answers; that ends the outage, logged once too.
    await cluster!.startReplica();
    await sleep(RETRY_REPLICA_AFTER_MS);
    expect((await dashboard()).figure.responses).toBe(SCORES.length + 1);
    expect(infos.mock.calls.filter(([message]) => String(message).startsWith("[read-replica] replica answers again"))).toHaveLength(1);
    expect(errors.mock.calls.filter(([message]) => String(message).startsWith("[read-replica]"))).toHaveLength(1);
  }, 60_000);
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
