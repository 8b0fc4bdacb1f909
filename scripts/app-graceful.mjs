// Preloaded into the app's server process (`node --import ./scripts/app-graceful.mjs …/next start`, as `npm start`,
// `npm run serve` and the benches do: scripts/app-node-flags.ts) to stop it gracefully behind a load balancer.
//
// What `next start` (Next 16) does by itself on SIGTERM: it closes its listening socket and, through Node's
// server.close(), every connection without a request in progress at that instant, then waits for the requests in
// progress and exits (143). Measured (scripts/faults/graceful-shutdown.ts): of 12 clicks in flight, 8 were cut
// (ECONNRESET): connections accepted but whose request had not been read yet count as idle and are destroyed, and
// those still in the kernel's accept queue are reset with the listening socket. And the load balancer learns of
// the stop only from refused connections.
//
// Here, instead, on SIGTERM:
//  1. draining: GET /api/ready answers 503 "shutting_down" (app/api/ready/route.ts reads the flag) while every
//     request is still served, for SHUTDOWN_DRAIN_SECONDS (default 5): time for the load balancer's health check
//     to take the process out of rotation;
//  2. the listening socket closes (new connections are refused), connections stay open; every response from now on
//     carries `Connection: close`;
//  3. once no request is in progress (at most SHUTDOWN_TIMEOUT_SECONDS, default 30), the connections left (idle
//     for at least a second, so a request on its way is not cut) are closed, and the process exits with 143.
// SIGINT (Ctrl-C) skips the drain. NEXT_MANUAL_SIG_HANDLE tells Next to leave the signals to us.
import http from "node:http";
import net from "node:net";

process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const drainMs = Number(process.env.SHUTDOWN_DRAIN_SECONDS ?? 5) * 1000;
const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 30) * 1000;

const servers = new Set();
/** Per connection: requests in progress, and when it was last busy. */
const connections = new Map();
let stopping = false;

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (!servers.has(this)) {
    servers.add(this);
    this.on("connection", (socket) => {
      connections.set(socket, { active: 0, lastBusy: Date.now() });
      socket.once("close", () => connections.delete(socket));
    });
    this.on("request", (request, response) => {
      const state = connections.get(request.socket);
      if (state) state.active += 1;
      if (stopping) response.shouldKeepAlive = false;
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        if (state) {
          state.active -= 1;
          state.lastBusy = Date.now();
        }
      };
      response.once("finish", finished);
      response.once("close", finished);
    });
  }
  return listen.apply(this, args);
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const inProgress = () => [...connections.values()].reduce((sum, state) => sum + state.active, 0);

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  globalThis.__npsShuttingDown = true;
  const started = Date.now();
  const line = (msg, fields = {}) =>
    process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), pid: process.pid, event: "app shutdown", signal, ...fields, msg })}\n`);
  if (signal === "SIGTERM" && drainMs > 0) {
    line(`${signal}: draining for ${drainMs / 1000} s (/api/ready answers 503)`);
    await sleep(drainMs);
  }
  // Stop listening, but keep the connections (Node's own server.close() would cut the idle ones at once).
  for (const server of servers) net.Server.prototype.close.call(server);
  line("not listening any more; finishing the requests in progress", { inProgress: inProgress() });
  while (Date.now() - started < drainMs + timeoutMs) {
    for (const [socket, state] of connections) {
      if (state.active === 0 && Date.now() - state.lastBusy >= 1000) socket.destroy();
    }
    if (connections.size === 0) break;
    await sleep(50);
  }
  line("stopped", { seconds: (Date.now() - started) / 1000, cut: connections.size });
  process.exit(signal === "SIGINT" ? 130 : 143);
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
