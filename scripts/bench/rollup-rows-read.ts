import pg from "pg";

// How many rollup rows a view reads: its statements are caught on their way to the pool and run again under
// EXPLAIN ANALYZE, and the rows every scan of a *Rollup table returned are summed per table. A change to the read
// plan (a coarser table left out, a range cut into more periods) shows here before it shows in milliseconds. The
// follow-ups a view counts itself (FollowUp, and Response where a statement joins it) are summed beside them.

type Statement = { text: string; values: unknown[] };
let caught: Statement[] | null = null;

// Prisma's pg adapter sends each statement outside a transaction as pool.query(config) (lib/db/read-replica.ts).
const query = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const config = args[0] as Partial<Statement> | undefined;
  if (caught && typeof config?.text === "string" && /Rollup"|"FollowUp"/.test(config.text)) caught.push({ text: config.text, values: config.values ?? [] });
  return Reflect.apply(query, this, args);
} as typeof query;

const RAW_TABLES = new Set(["FollowUp", "Response"]);

type PlanNode = { "Relation Name"?: string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

/** Rows read per rollup table by one run of `view`. */
export async function rollupRowsRead(connectionString: string, view: () => Promise<unknown>): Promise<Map<string, number>> {
  const statements: Statement[] = [];
  caught = statements;
  try {
    await view();
  } finally {
    caught = null;
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  const rows = new Map<string, number>();
  const walk = (node: PlanNode) => {
    const table = node["Relation Name"];
    if (table && (table.endsWith("Rollup") || RAW_TABLES.has(table))) rows.set(table, (rows.get(table) ?? 0) + node["Actual Rows"] * node["Actual Loops"]);
    for (const child of node.Plans ?? []) walk(child);
  };
  try {
    for (const statement of statements) {
      const result = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
      walk(result.rows[0]["QUERY PLAN"][0].Plan);
    }
  } finally {
    await client.end();
  }
  return rows;
}

/** "TenantFeedbackRollup 312, StoreFeedbackRollup 4,800" */
export function describeRows(rows: Map<string, number>): string {
  const total = [...rows.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([table, count]) => `${table} ${count.toLocaleString("en")}`);
  return `${total.toLocaleString("en")} (${parts.join(", ") || "none"})`;
}
