import { migrate } from "../lib/db/migrate";
import { installJobQueue } from "../lib/queue/enqueue";

// `npm run db:migrate`: the deploy step (docs/deploy.md). Our migrations, then pg-boss's schema and our queues,
// so that a freshly deployed `next start` is ready (/api/ready) before any worker has started. Both take an
// advisory lock: two migrators at once are safe.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
const applied = await migrate(url);
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
await installJobQueue(url);
console.log("Job queue installed.");
