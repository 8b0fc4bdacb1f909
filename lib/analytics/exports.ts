import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { to as copyTo } from "pg-copy-streams";
import { Prisma, primaryPool, sqlParameters } from "../db/client";
import { readReplica, replicaPool } from "../db/read-replica";
import type { Member } from "../tenancy/tenant";
import { filterSql, type AnalyticsFilters } from "./filters";
import { minutesToFirstContact, slaState } from "./follow-up-figures";

// CSV exports of the current view. Rows are read in keyset-paginated batches and streamed, so memory stays flat
// however many rows there are; follow-ups go through the stringifier, responses (far more) through COPY below. csv-stringify writes the UTF-8 BOM spreadsheet
// programs need to read accents right, and prefixes cells starting with = + - @ with ' so that no comment runs as
// a formula. Dates are ISO 8601 (UTC).

const BATCH_SIZE = 2_000;

// Each batch builds its joins again (at a million responses a hash of the tenant's contacts): 50,000 rows pay for
// that, yet one batch is still a statement of about a second (docs/benchmarks.md).
const RESPONSE_BATCH_SIZE = 50_000;

// Spreadsheet formulas start with these (csv-stringify's escape_formulas, which the follow-up export uses): a cell
// that does gets a leading ' so that it reads as text.
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];
const FORMULA_SQL = FORMULA_STARTS.map((start) => `'${start}'`).join(", ");
const text = (expression: string) =>
  `CASE WHEN left(${expression}, 1) IN (${FORMULA_SQL}) THEN '''' || ${expression} ELSE ${expression} END`;
const isoTime = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const RESPONSE_COLUMNS: [string, string][] = [
  ["response_id", `r."id"`],
  ["responded_at", isoTime(`r."respondedAt"`)],
  ["score", `r."score"`],
  ["category", `r."category"`],
  ["channel", `r."channel"`],
  ["store_code", text(`s."code"`)],
  ["store", text(`s."name"`)],
  ["region", text(`g."name"`)],
  ["survey", text(`v."name"`)],
  ["segment", text(`r."segment"`)],
  ["language", `r."locale"`],
  ["comment", text(`r."comment"`)],
  ["themes", text(`m."themes"`)],
  ["callback_consent", `CASE WHEN r."callbackConsent" THEN 'yes' ELSE 'no' END`],
  ["contact_email", text(`c."email"`)],
  ["contact_name", text(`c."name"`)],
];

/**
 * Every response of the view, oldest first, as CSV. PostgreSQL writes the CSV itself (COPY … FORMAT csv), a batch
 * of rows at a time: formatting rows in JavaScript (Prisma's row mapping, then csv-stringify) managed ~20,000 rows
 * a second at a million responses and doubled the process's memory; COPY, twice the rows (docs/benchmarks.md). Each
 * batch is one short statement (no snapshot held for the whole export, which a replica's replay could cancel), and
 * the stream pulls the next batch only as the reader takes it, so memory stays flat. The cells are as csv-stringify
 * wrote them: a UTF-8 BOM, ISO 8601 dates (UTC), yes/no, formulas defused.
 */
export function responsesCsv(member: Member, filters: AnalyticsFilters, batchSize = RESPONSE_BATCH_SIZE): Readable {
  return Readable.from(responseCsvChunks(member, filters, batchSize), { objectMode: false });
}

async function* responseCsvChunks(member: Member, filters: AnalyticsFilters, batchSize: number): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${RESPONSE_COLUMNS.map(([header]) => header).join(",")}\n`);
  const where = Prisma.sql`r."organizationId" = ${member.organizationId}
    AND r."respondedAt" >= ${filters.range.from} AND r."respondedAt" < ${filters.range.to} ${filterSql(filters, "r")}`;
  const columns = Prisma.raw(RESPONSE_COLUMNS.map(([, expression]) => expression).join(",\n           "));
  let after: Keyset | null = null;
  for (;;) {
    // Each key comparison beside a plain one on respondedAt: the planner cannot estimate a row comparison, took a
    // batch for a fifth of the table and spent seconds compiling it (JIT); with the estimate right it also chooses
    // between reading every contact once (a hash join) and looking each one up by itself.
    const from: Prisma.Sql = after
      ? Prisma.sql`AND r."respondedAt" >= ${after.at} AND (r."respondedAt", r."id") > (${after.at}, ${after.id})`
      : Prisma.empty;
    // The batch's last key first: the batch itself is then one COPY, whose rows cannot be read back for it.
    const [last] = await readReplica().$queryRaw<{ respondedAt: Date; id: string }[]>`
      SELECT r."respondedAt", r."id" FROM "Response" r WHERE ${where} ${from}
       ORDER BY r."respondedAt", r."id" OFFSET ${batchSize - 1} LIMIT 1`;
    const upTo = last
      ? Prisma.sql`AND r."respondedAt" <= ${last.respondedAt} AND (r."respondedAt", r."id") <= (${last.respondedAt}, ${last.id})`
      : Prisma.empty;
    yield* copyCsv(Prisma.sql`
      SELECT ${columns}
        FROM "Response" r
        JOIN "Survey" v ON v."id" = r."surveyId" AND v."organizationId" = r."organizationId"
        JOIN "Contact" c ON c."id" = r."contactId" AND c."organizationId" = r."organizationId"
        LEFT JOIN "Store" s ON s."id" = r."storeId" AND s."organizationId" = r."organizationId"
        LEFT JOIN "Region" g ON g."id" = s."regionId" AND g."organizationId" = s."organizationId"
        -- A join, not a subquery in the column: the cell's expression reads its value more than once. Only a comment
        -- has themes: for a response without one the look-up is skipped (a one-time filter), not made.
        LEFT JOIN LATERAL (SELECT string_agg(th."name", '; ' ORDER BY th."name") AS themes FROM "ResponseTheme" t
                             JOIN "Theme" th ON th."id" = t."themeId" AND th."organizationId" = t."organizationId"
                            WHERE r."comment" IS NOT NULL AND t."responseId" = r."id" AND t."organizationId" = r."organizationId") m ON true
       WHERE ${where} ${from} ${upTo}
       ORDER BY r."respondedAt", r."id"`);
    if (!last) return;
    after = { at: last.respondedAt, id: last.id };
  }
}

/**
 * A query's rows as CSV lines, from the read pool. COPY takes no parameters, so the server quotes the query's
 * values into it first (format's %L), never this code.
 */
async function* copyCsv(query: Prisma.Sql): AsyncGenerator<Buffer> {
  const pool = replicaPool() ?? primaryPool();
  const template = `COPY (${query.text.replace(/%/g, "%%").replace(/\$(\d+)/g, "%$1$$L")}) TO STDOUT WITH (FORMAT csv)`;
  const values = sqlParameters(query.values);
  const { rows } = await pool.query<{ statement: string }>(
    `SELECT format($1, ${values.map((_, index) => `$${index + 2}::text`).join(", ")}) AS statement`,
    [template, ...values],
  );
  const client = await pool.connect();
  let finished = false;
  try {
    // JIT compiles a batch's plan again for every batch, and the plan is costly enough to qualify: measured, 0.33 s
    // of a 1.1 s batch of 50,000 rows went to compiling, more than the compiled code saved. SET LOCAL keeps the
    // setting to this batch's own transaction (read-only, as a replica allows), not to the pool's connection.
    await client.query("BEGIN READ ONLY; SET LOCAL jit = off");
    yield* client.query(copyTo(rows[0].statement)) as AsyncIterable<Buffer>;
    await client.query("COMMIT");
    finished = true;
  } finally {
    // A download stopped halfway leaves the COPY running on the connection: the pool must not hand it out again.
    client.release(!finished);
  }
}

type FollowUpExportRow = {
  id: string;
  createdAt: Date;
  dueAt: Date;
  contactedAt: Date | null;
  closedAt: Date | null;
  status: string;
  outcome: string | null;
  rootCause: string | null;
  storeCode: string | null;
  storeName: string | null;
  score: number;
  comment: string | null;
  respondedAt: Date;
  contactName: string | null;
  contactEmail: string;
};

/** Follow-ups opened in the period; time to first contact and SLA by the same definitions as the dashboard. */
export function followUpsCsv(member: Member, filters: AnalyticsFilters, now = new Date()): Readable {
  const where = Prisma.sql`f."organizationId" = ${member.organizationId}
    AND f."createdAt" >= ${filters.range.from} AND f."createdAt" < ${filters.range.to} ${filterSql(filters, "r")}`;
  const rows = batches<FollowUpExportRow>((after) => readReplica().$queryRaw`
    SELECT f."id", f."createdAt", f."dueAt", f."contactedAt", f."closedAt", f."status"::text AS status,
           f."outcome"::text AS outcome, rc."label" AS "rootCause", s."code" AS "storeCode", s."name" AS "storeName", r."score", r."comment",
           r."respondedAt", c."name" AS "contactName", c."email" AS "contactEmail"
      FROM "FollowUp" f
      JOIN "Response" r ON r."id" = f."responseId" AND r."organizationId" = f."organizationId"
      JOIN "Contact" c ON c."id" = r."contactId" AND c."organizationId" = r."organizationId"
      LEFT JOIN "Store" s ON s."id" = f."storeId" AND s."organizationId" = f."organizationId"
      LEFT JOIN "RootCause" rc ON rc."id" = f."rootCauseId" AND rc."organizationId" = f."organizationId"
     WHERE ${where} ${after ? Prisma.sql`AND (f."createdAt", f."id") > (${after.at}, ${after.id})` : Prisma.empty}
     ORDER BY f."createdAt", f."id" LIMIT ${BATCH_SIZE}`,
    (row) => ({ at: row.createdAt, id: row.id }),
  );
  const withFigures = mapRows(rows, (row) => ({
    ...row,
    minutesToFirstContact: minutesToFirstContact(row),
    sla: slaState(row, now),
  }));
  return toCsv(withFigures, [
    ["id", "follow_up_id"],
    ["createdAt", "opened_at"],
    ["dueAt", "due_at"],
    ["contactedAt", "first_contact_at"],
    ["minutesToFirstContact", "minutes_to_first_contact"],
    ["sla", "sla"],
    ["status", "status"],
    ["outcome", "outcome"],
    ["rootCause", "root_cause"],
    ["closedAt", "closed_at"],
    ["storeCode", "store_code"],
    ["storeName", "store"],
    ["score", "score"],
    ["respondedAt", "responded_at"],
    ["comment", "comment"],
    ["contactName", "contact_name"],
    ["contactEmail", "contact_email"],
  ]);
}

type Keyset = { at: Date; id: string };

/** Every row of a keyset-paginated query, fetched a batch at a time as the consumer reads. */
async function* batches<T>(page: (after: Keyset | null) => Promise<T[]>, keyOf: (row: T) => Keyset): AsyncGenerator<T> {
  let after: Keyset | null = null;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < BATCH_SIZE) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
}

export function toCsv<T>(rows: AsyncIterable<T>, columns: [keyof T & string, string][]): Readable {
  const csv = stringify({
    header: true,
    bom: true,
    escape_formulas: true,
    columns: columns.map(([key, header]) => ({ key, header })),
    cast: { date: (date) => date.toISOString(), boolean: (value) => (value ? "yes" : "no") },
  });
  const source = Readable.from(rows);
  source.on("error", (error) => csv.destroy(error));
  return source.pipe(csv);
}
