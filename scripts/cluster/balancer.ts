import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// HAProxy in front of the app processes, as docs/scale-out.md describes it: round robin, health checks on
// /api/ready, and retries. A request that never reached a server (refused: the process is dead and not yet marked
// down) is sent to another, whatever its method. One that reached a server which then died without answering is
// retried only if it is a GET or HEAD: a click is idempotent (the response is one per email), a POST may have
// been done; API clients retry those themselves with their Idempotency-Key.
//
// Each request gets a connection of its own to the app process (http-server-close). Kept-alive connections race:
// Node closes one that has been idle for 5 s just as HAProxy sends the next request on it, which then fails
// without an answer, and a POST is not retried (seen as a 502 on a healthy cluster). A new loopback connection
// costs far less than a request. A process stopped with SIGTERM answers 503 on /api/ready while it drains
// (SHUTDOWN_DRAIN_SECONDS, 5 s): after the first failed check the next come every 500 ms, so it is out of rotation
// within about 3 s, before it stops listening.

export function balancerConfig(options: { port: number; appPorts: number[]; socket: string }): string {
  const servers = options.appPorts.map((port, i) => `  server app${i + 1} 127.0.0.1:${port} check`).join("\n");
  return `global
  maxconn 4000
  stats socket ${options.socket} mode 600 level admin

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout http-request 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend nps_loop
  bind 127.0.0.1:${options.port}
  option forwardfor
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /api/ready
  http-check expect status 200
  option http-server-close
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  # A busy process may take a while to answer its check; a dead one refuses connections at once, and those
  # requests go to another server whatever the check says.
  timeout check 10s
  default-server inter 2s fastinter 500ms fall 3 rise 2
${servers}
`;
}

export type Balancer = {
  process: ChildProcess;
  inFlight: (server: string) => Promise<number>;
  /** Requests the server took and ended without an answer (its response errors, HAProxy's `eresp`), so far. */
  unanswered: (server: string) => Promise<number>;
  up: (server: string) => Promise<boolean>;
  /** Each server's state as HAProxy sees it, and the backend's retries and redispatches so far. */
  describe: () => Promise<string>;
  stop: () => void;
};

export async function startBalancer(dir: string, port: number, appPorts: number[]): Promise<Balancer> {
  const socket = path.join(dir, "haproxy.sock");
  const configFile = path.join(dir, "haproxy.cfg");
  writeFileSync(configFile, balancerConfig({ port, appPorts, socket }));
  const child = spawn("haproxy", ["-f", configFile, "-db", "-q"], { stdio: ["ignore", "inherit", "inherit"] });
  const stats = async () => parseStats(await ask(socket, "show stat"));
  for (let i = 0; i < 50; i++) {
    if (await stats().catch(() => null)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const row = async (server: string) => (await stats()).find((r) => r.pxname === "app" && r.svname === server);
  return {
    process: child,
    // Requests the balancer has handed to the server and not yet seen answered.
    inFlight: async (server) => Number((await row(server))?.scur ?? 0),
    unanswered: async (server) => Number((await row(server))?.eresp || 0),
    up: async (server) => (await row(server))?.status === "UP",
    describe: async () => {
      const rows = (await stats()).filter((r) => r.pxname === "app");
      const servers = rows.filter((r) => r.svname !== "BACKEND" && r.svname !== "FRONTEND").map((r) => `${r.svname} ${r.status}`);
      const backend = rows.find((r) => r.svname === "BACKEND");
      return `${servers.join(", ")}; ${backend?.wretr ?? 0} retries, ${backend?.wredis ?? 0} redispatches`;
    },
    stop: () => child.kill("SIGTERM"),
  };
}

function parseStats(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trim().split("\n");
  const names = header!.replace(/^# /, "").split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i], value])));
}

function ask(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const connection = net.connect(socket, () => connection.end(`${command}\n`));
    connection.on("data", (chunk) => (answer += chunk.toString()));
    connection.on("end", () => resolve(answer));
    connection.on("error", reject);
  });
}
