import path from "node:path";

// Node flags of the app's server process (`next start`), for `npm start` and the benches alike.
//
// A larger young generation: under load each survey request leaves ~25 kB that outlives a scavenge of the default
// 16 MB semi-space (the fetch Request that Next builds per request is held by a FinalizationRegistry entry until a
// full GC), so it was promoted and made a full collection every few seconds, each a stall of 100–250 ms on a
// two-core box. With 64 MB a full GC comes every 10–20 s instead (bench:clicks with the rollup triggers dropped, to
// see the app alone: p99 49–74 ms → 29 ms).
//
// And a graceful stop behind a load balancer (scripts/app-graceful.mjs): on SIGTERM /api/ready answers 503 for
// SHUTDOWN_DRAIN_SECONDS while requests are still served, then the app stops listening and finishes the requests
// in progress without cutting any connection.
export const APP_NODE_FLAGS = ["--max-semi-space-size=64", "--import", path.join(import.meta.dirname, "app-graceful.mjs")];
