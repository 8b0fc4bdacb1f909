import { execFile } from "node:child_process";
import { chown, mkdtemp, readdir, rm, appendFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { withClient } from "./scratch-database";

const run = promisify(execFile);

// Ports this project's replicas may use on a shared development box.
const PORTS = Array.from({ length: 10 }, (_, index) => 5440 + index);
const DATABASE = "nps_replica_test";

/**
 * The PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup): PG_BINDIR, else the newest Debian install under
 * /usr/lib/postgresql. Null when there are none (a server reached over the network, say).
 */
export async function postgresBinaries(): Promise<string | null> {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const versions = await readdir("/usr/lib/postgresql").catch(() => [] as string[]);
  const newest = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => `/usr/lib/postgresql/${version}/bin`)
    .find((dir) => existsSync(path.join(dir, "pg_basebackup")) && existsSync(path.join(dir, "initdb")));
  return newest ?? null;
}

export type StreamingReplica = {
  /** The test database on the primary and on its replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp: () => Promise<void>;
  stopReplica: () => Promise<void>;
  startReplica: () => Promise<void>;
  /** Stops both servers and deletes their folder; safe to call twice and after a failed start. */
  remove: () => Promise<void>;
};

/**
 * A primary and its streaming replica, both our own, in a scratch folder under os.tmpdir(): the primary from
 * initdb with pg_stat_statements loaded, the replica from `pg_basebackup -R -X stream` of it. Not a replica of the
 * run's server itself: the stock Debian pg_hba.conf has no `replication` line (its `all` does not cover replication
 * connections), and a test must not edit the machine's configuration; a cluster of our own brings its own.
 * PostgreSQL refuses to run as root: as root, every server command runs as the `postgres` user (as in
 * scripts/faults/scratch-postgres.ts, whose single server has no replica and no settings of its own).
 */
export async function startStreamingReplica(bin: string): Promise<StreamingReplica> {
  const asServerUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  const pg = (command: string, args: string[]) => {
    const [file, ...prefix] = [...asServerUser, path.join(bin, command)];
    return run(file, [...prefix, ...args], { timeout: 30_000 });
  };
  const folder = await mkdtemp(path.join(os.tmpdir(), "nps-replica-"));
  const primaryDir = path.join(folder, "primary");
  const replicaDir = path.join(folder, "replica");
  const started: string[] = [];
  const stop = async (dir: string) => {
    if (!started.includes(dir)) return;
    await pg("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]).catch(() => pg("pg_ctl", ["-D", dir, "-m", "immediate", "stop"]));
    started.splice(started.indexOf(dir), 1);
  };
  const remove = async () => {
    await stop(replicaDir).catch(() => {});
    await stop(primaryDir).catch(() => {});
    await rm(folder, { recursive: true, force: true });
  };

  try {
    if (asServerUser.length) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      const { stdout: group } = await run("id", ["-g", "postgres"]);
      await chown(folder, Number(stdout), Number(group));
    }
    const [primaryPort, replicaPort] = await freePorts(2);
    const start = async (dir: string, port: number) => {
      await pg("pg_ctl", ["-D", dir, "-l", `${dir}.log`, "-o", `-p ${port}`, "-w", "-t", "30", "start"]);
      started.push(dir);
    };

    await pg("initdb", ["-D", primaryDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    // initdb's pg_hba.conf trusts local replication connections; the replica copies this configuration.
    await appendFile(
      path.join(primaryDir, "postgresql.conf"),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${folder}'`,
        "fsync = off",
        "shared_preload_libraries = 'pg_stat_statements'",
        "",
      ].join("\n"),
    );
    await start(primaryDir, primaryPort);
    const server = (port: number, database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    await withClient(server(primaryPort, "postgres"), (client) => client.query(`CREATE DATABASE ${DATABASE}`));
    await withClient(server(primaryPort, DATABASE), (client) => client.query("CREATE EXTENSION pg_stat_statements"));

    await pg("pg_basebackup", ["-D", replicaDir, "-R", "-X", "stream", "-c", "fast", "--no-sync", "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"]);
    await start(replicaDir, replicaPort);

    const primaryUrl = server(primaryPort, DATABASE);
    const replicaUrl = server(replicaPort, DATABASE);
    return {
      primaryUrl,
      replicaUrl,
      caughtUp: () => caughtUp(primaryUrl, replicaUrl),
      stopReplica: () => stop(replicaDir),
      startReplica: () => start(replicaDir, replicaPort),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function caughtUp(primaryUrl: string, replicaUrl: string) {
  const { rows } = await withClient(primaryUrl, (client) => client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const replayed = await withClient(replicaUrl, (client) =>
      client.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [rows[0].lsn]),
    );
    if (replayed.rows[0].done) return;
    if (Date.now() > deadline) throw new Error(`the replica has not replayed up to ${rows[0].lsn} in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePorts(count: number): Promise<number[]> {
  const free: number[] = [];
  for (const port of PORTS) {
    if (free.length === count) break;
    if (await isFree(port)) free.push(port);
  }
  if (free.length < count) throw new Error(`fewer than ${count} free ports in ${PORTS[0]}–${PORTS[PORTS.length - 1]}`);
  return free;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
