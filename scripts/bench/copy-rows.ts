import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyValue = string | number | boolean | Date | null;

// COPY's text format: tab-separated, \N for NULL, backslash escapes for the few characters that need them.
function field(value: CopyValue): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Streams rows into a table with one COPY statement, so per-statement triggers run once for all of them. */
export async function copyRows(client: pg.Client, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<void> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  let chunk = "";
  for (const row of rows) {
    chunk += `${row.map(field).join("\t")}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
      chunk = "";
    }
  }
  stream.end(chunk);
  await done;
}
