import { z } from "zod";
import { preparedQuery } from "../db/client";
import { env } from "../env";

// The stack's own ceiling for `npm run bench:clicks`: a route in the same app, on the same pool, whose only work is
// one prepared INSERT. The score click is judged as a share of it, which holds on any box, where requests a second
// alone depend on how fast and how busy the box is. It answers only in a process started with BENCH_ROUTES=1:
// anywhere else anyone could fill a table of the database with rows of their own.

export function benchRoutesEnabled(): boolean {
  return env().BENCH_ROUTES === "1";
}

export const benchRowSchema = z.object({
  token: z.string().min(1).max(64),
  score: z.coerce.number().int().min(0).max(10),
});

// Made by the first request of a process: the table is no part of the schema, and exists only where benches ran.
let tableMade: Promise<unknown> | undefined;

/** One row, as a score click carries (its token and score), and nothing else. */
export async function insertBenchRow({ token, score }: z.infer<typeof benchRowSchema>): Promise<void> {
  tableMade ??= preparedQuery(
    "bench-row-table",
    `CREATE TABLE IF NOT EXISTS "bench_row" (id bigserial PRIMARY KEY, token text NOT NULL, score smallint NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    [],
  ).catch((error) => {
    tableMade = undefined;
    throw error;
  });
  await tableMade;
  await preparedQuery("bench-row-insert", `INSERT INTO "bench_row" (token, score) VALUES ($1, $2)`, [token, score]);
}
