import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { startApp, startWorker } from "../bench/app-under-load";

// The cluster's processes by slot: app1…app3 (`next start`, one port each) and worker1, worker2 (`npm run
// worker`), each started, killed and started again in its slot as an operator's supervisor would.

export type Cluster = {
  apps: { name: string; port: number; child: ChildProcess }[];
  workers: { name: string; child: ChildProcess }[];
  /** Stops a process with `signal`, waits for it to be gone, and starts it again. */
  restartApp: (index: number, signal: NodeJS.Signals, whileDown?: () => Promise<void>) => Promise<void>;
  restartWorker: (index: number, signal: NodeJS.Signals, whileDown?: () => Promise<void>) => Promise<void>;
  stop: () => Promise<void>;
};

export async function startCluster(appPorts: number[], workerCount: number, env: Record<string, string>): Promise<Cluster> {
  const apps = await Promise.all(appPorts.map(async (port, i) => ({ name: `app${i + 1}`, port, child: await startApp(port, env) })));
  const workers = await Promise.all(
    Array.from({ length: workerCount }, async (_, i) => {
      const child = startWorker(env);
      await child.ready;
      return { name: `worker${i + 1}`, child: child as ChildProcess };
    }),
  );
  const stopped = async (child: ChildProcess, signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    // A process that does not stop within 15 s of a SIGTERM is killed: the run must end.
    const overdue = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(overdue);
  };
  return {
    apps,
    workers,
    restartApp: async (index, signal, whileDown) => {
      const app = apps[index]!;
      await stopped(app.child, signal);
      await whileDown?.();
      app.child = await startApp(app.port, env);
    },
    restartWorker: async (index, signal, whileDown) => {
      const worker = workers[index]!;
      await stopped(worker.child, signal);
      await whileDown?.();
      const child = startWorker(env);
      await child.ready;
      worker.child = child;
    },
    stop: async () => {
      await Promise.all([...apps, ...workers].map(({ child }) => stopped(child, "SIGTERM")));
    },
  };
}
