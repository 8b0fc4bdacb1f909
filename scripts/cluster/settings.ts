import { randomBytes } from "node:crypto";

// The cluster under test: three `next start` processes and two workers behind HAProxy, all on loopback, sharing
// one scratch database and the local Redis under a key prefix of the run's own. CLUSTER_* override the figures.
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const RUN_ID = randomBytes(3).toString("hex");
export const APP_PORTS = [3801, 3802, 3803].map((port, i) => number(`CLUSTER_APP_PORT_${i + 1}`, port));
export const WORKERS = 2;
export const BALANCER_PORT = number("CLUSTER_BALANCER_PORT", 3890);
export const SMTP_PORT = number("CLUSTER_SMTP_PORT", 3891);
export const BALANCER_URL = `http://localhost:${BALANCER_PORT}`;
export const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? "redis://127.0.0.1:6379";
export const REDIS_KEY_PREFIX = `nps-cluster-${RUN_ID}:`;

export const SENDS = number("CLUSTER_SENDS", 3000);
/** One customer in CLICK_EVERY clicks a score in their email. */
export const CLICK_EVERY = number("CLUSTER_CLICK_EVERY", 3);
export const CLICKS_PER_SECOND = number("CLUSTER_CLICK_RATE", 40);
/** One API key's budget, and the rate and time the limit probe calls at (three times the budget). */
export const API_LIMIT = number("CLUSTER_API_LIMIT", 20);
export const PROBE_RATE = API_LIMIT * 3;
export const PROBE_SECONDS = number("CLUSTER_PROBE_SECONDS", 10);
export const SMTP_POOL_SIZE = 5;
/** A dead worker's jobs go to another after this (5 min in production: a quick run cannot wait that long). */
export const JOB_EXPIRE_SECONDS = 20;
export const DEADLINE_MS = number("CLUSTER_DEADLINE_SECONDS", 480) * 1000;

/** What every app process and worker is started with: one database, one secret, one Redis, one public URL. */
export function clusterEnv(databaseUrl: string, secret: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "8",
    APP_URL: BALANCER_URL,
    NEXTAUTH_URL: BALANCER_URL,
    NEXTAUTH_SECRET: secret,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    SMTP_POOL_SIZE: String(SMTP_POOL_SIZE),
    REDIS_URL,
    REDIS_KEY_PREFIX,
    API_RATE_PER_SECOND: String(API_LIMIT),
    // HAProxy appends the address it got the request from: the customer's is the one before it.
    TRUSTED_PROXY_HOPS: "1",
    SEED_DEMO: "false",
    WORKER_POOL_SIZE: "3",
    // The production default: the SIGTERMed process drains while HAProxy takes it out of rotation.
    SHUTDOWN_DRAIN_SECONDS: "5",
  };
}
