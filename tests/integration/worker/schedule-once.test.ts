import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { installJobQueue } from "@/lib/queue/enqueue";
import { QUEUES } from "@/lib/queue/queues";

// However many workers run with their schedules on, a cron job is created once per schedule. pg-boss does it in
// two steps: a schedule check runs in one instance at a time (a timestamp in its version table, set by the
// instance that checks), and what a check decides to create goes through a queue of its own with a singleton key
// per schedule and minute, so two checks in the same minute create one job.
const schema = `pgboss_sched_${randomBytes(3).toString("hex")}`;
process.env.JOB_SCHEMA = schema;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started: { stop: () => Promise<unknown> }[] = [];

afterAll(async () => {
  await Promise.all(started.map((instance) => instance.stop()));
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

/** Jobs of a queue ever created, wherever pg-boss keeps them now. */
async function jobsCreated(queue: string): Promise<number> {
  const [{ n }] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT (SELECT count(*) FROM ${schema}.job WHERE name = $1) + (SELECT count(*) FROM ${schema}.archive WHERE name = $1) AS n`,
    queue,
  );
  return Number(n);
}

/** Waits until the current minute has at least `seconds` left, so that a check window stays inside one minute. */
async function roomInThisMinute(seconds: number) {
  const left = 60 - new Date().getUTCSeconds();
  if (left < seconds) await sleep(left * 1000 + 1_500);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("scheduled work with two workers", () => {
  it("two real workers started with their schedules on create one sweep and one sending sweep", async () => {
    await installJobQueue(process.env.DATABASE_URL!, schema);
    const { startWorker } = await import("@/lib/worker/worker");
    const options = { connectionString: process.env.DATABASE_URL!, poolSize: 2, schedule: true, log: () => undefined };
    // Each checks its schedules every 30 s from its start (the first check, at once, precedes its schedules):
    // started together, both check again at about the same moment, the race this is about.
    started.push(...(await Promise.all([startWorker(options), startWorker(options)])));
    for (let i = 0; i < 120 && (await jobsCreated(QUEUES.sweep)) === 0; i++) await sleep(500);
    await sleep(5_000);

    expect(await jobsCreated(QUEUES.sweep)).toBe(1);
    expect(await jobsCreated(QUEUES.sendingSweep)).toBe(1);
  }, 120_000);

  it("schedule checks every second in two instances still create one job per minute, run once", async () => {
    // The clock trick: pg-boss's own settings make each instance check its schedules every second (30 s by
    // default), so in a few seconds both instances check many times within the same minute.
    const queue = "schedule-once-probe";
    const runs: string[] = [];
    const instance = async (name: string) => {
      const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema, max: 2, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 });
      boss.on("error", () => undefined);
      await boss.start();
      if (!(await boss.getQueue(queue))) await boss.createQueue(queue);
      await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => void runs.push(name));
      await boss.schedule(queue, "* * * * *");
      started.push({ stop: () => boss.stop({ graceful: false, close: true }) });
    };
    await roomInThisMinute(20);
    await instance("first");
    await instance("second");

    // Every check that runs moves the version table's cron_on: count them while they happen.
    const checks = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const [row] = await db.$queryRawUnsafe<{ cron_on: Date | null }[]>(`SELECT cron_on FROM ${schema}.version`);
      if (row?.cron_on) checks.add(row.cron_on.toISOString());
      await sleep(200);
    }

    expect(checks.size).toBeGreaterThanOrEqual(4);
    expect(await jobsCreated(queue)).toBe(1);
    expect(runs).toHaveLength(1);
  });
});
