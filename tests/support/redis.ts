import { Redis } from "ioredis";

// The Redis tests run against TEST_REDIS_URL (.ci/run sets it), else a local server if one answers; a fresh
// machine without Redis skips them, as `npm test` needs nothing installed.
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    if (process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL is set but Redis does not answer at ${TEST_REDIS_URL}`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under a test's prefix. */
export async function deleteKeys(prefix: string) {
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
