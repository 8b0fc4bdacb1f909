import { db } from "@/lib/db/client";
import { jobSchema } from "@/lib/queue/enqueue";

/** The jobs pg-boss holds in `queue` whose data has `field` = `value`, oldest first (completed ones included). */
export async function queuedJobs(queue: string, field: string, value: string) {
  return db.$queryRawUnsafe<{ data: Record<string, string>; start_after: Date; state: string }[]>(
    `SELECT data, start_after, state::text AS state FROM ${jobSchema()}.job WHERE name = $1 AND data->>$2 = $3 ORDER BY created_on`,
    queue,
    field,
    value,
  );
}
