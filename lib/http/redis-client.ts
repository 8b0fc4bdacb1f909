import { once } from "node:events";
import { Redis } from "ioredis";
import { env } from "../env";

// One connection per process, shared by every limiter. Commands fail at once while it is down (no offline
// queue, no retries per command) so that a request never waits on Redis: the limiter counts in memory meanwhile.
const CONNECT_TIMEOUT_MS = 3_000;
// Beyond this a command counts as lost; on a busy box an event-loop stall alone took 500 ms.
const COMMAND_TIMEOUT_MS = 1_000;
let client: Promise<Redis> | undefined;
let lastWarning = 0;

/**
 * The process's connection, once it is ready or has had its connect timeout: a process's first requests would
 * otherwise all count in memory while it connects (and warn of an outage that is none).
 */
export function redisClient(): Promise<Redis> | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  client ??= connected(connect(url));
  return client;
}

async function connected(redis: Redis): Promise<Redis> {
  let timer: NodeJS.Timeout | undefined;
  // A refused connection ends the wait too (once() rejects on "error"); the limiters count in memory meanwhile.
  await Promise.race([once(redis, "ready").catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_TIMEOUT_MS)))]);
  clearTimeout(timer);
  return redis;
}

function connect(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: CONNECT_TIMEOUT_MS, commandTimeout: COMMAND_TIMEOUT_MS });
  redis.on("error", (error: Error) => warnRedisDown(error.message));
  redis.on("ready", () => {
    if (lastWarning) console.warn("[limits] Redis is back: rate limits are shared by every app process again");
    lastWarning = 0;
  });
  return redis;
}

/** At most one line a minute: while Redis is down every request would say so. */
export function warnRedisDown(reason: string) {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  console.warn(`[limits] Redis unreachable (${reason}): each app process counts its own rate limits until it is back`);
}
