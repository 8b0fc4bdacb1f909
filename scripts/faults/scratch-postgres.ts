import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A throwaway PostgreSQL cluster of our own, so a fault script can restart or stop the server without touching the
// shared one that other tests and people use.
// FAULT_PG_PORT picks its port (default 55433).
const BIN = `/usr/lib/postgresql/${process.env.PG_MAJOR ?? "15"}/bin`;

export type ScratchPostgres = { url: string; restart: () => void; stop: () => void };

function asPostgres(command: string, args: string[]) {
  const runAs = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(runAs[0] as string, runAs[1] as string[], { stdio: "pipe" });
}

export function startScratchPostgres(port: number): ScratchPostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "nps-fault-pg-"));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  asPostgres(`${BIN}/initdb`, ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const pgCtl = (...args: string[]) =>
    asPostgres(`${BIN}/pg_ctl`, ["-D", dir, "-l", path.join(dir, "server.log"), "-o", `-p ${port} -k ${dir}`, "-w", ...args]);
  pgCtl("start");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    pgCtl("stop", "-m", "fast");
    rmSync(dir, { recursive: true, force: true });
  };
  // A run stopped with Ctrl-C or a timeout must not leave a cluster behind on the port.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, restart: () => pgCtl("restart", "-m", "fast"), stop };
}
