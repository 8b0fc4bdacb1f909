import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

// Another app process, for tests of what must hold across processes: a real Node process on the run's database,
// with its own memory (caches, listeners), driven over stdin/stdout by tests/support/app-process-main.ts.

type Command =
  | { op: "authenticate"; key: string }
  | { op: "revokeKey"; organizationId: string; keyId: string }
  | { op: "member"; userId: string; organizationId: string }
  | { op: "removeMember"; organizationId: string; membershipId: string }
  | { op: "listening" };

export type AppProcess = { ask: (command: Command) => Promise<unknown>; stop: () => void };

export async function startAppProcess(): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "app-process-main.ts")], {
    env: { ...process.env, DATABASE_POOL_SIZE: "2" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = new Map<number, (answer: unknown) => void>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const { id, answer } = JSON.parse(line) as { id: number; answer: unknown };
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  let next = 0;
  const ask = (command: Command) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  return { ask, stop: () => child.kill("SIGKILL") };
}
