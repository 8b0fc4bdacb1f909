import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import type { Member } from "../tenancy/tenant";
import { filterSql, type AnalyticsFilters } from "./filters";
import { minutesToFirstContact, slaState } from "./follow-up-figures";

// CSV exports of the current view. Rows are read in keyset-paginated batches and streamed through the
// stringifier, so memory stays flat however many rows there are. csv-stringify writes the UTF-8 BOM spreadsheet
// programs need to read accents right, and prefixes cells starting with = + - @ with ' so that no comment runs as
// a formula. Dates are ISO 8601 (UTC).

const BATCH_SIZE = 2_000;

type ResponseExportRow = {
  id: string;
  respondedAt: Date;
  score: number;
  category: string;
  channel: string;
  storeCode: string | null;
  storeName: string | null;
  region: string | null;
  survey: string;
  segment: string | null;
  locale: string;
  comment: string | null;
  themes: string | null;
  callbackConsent: boolean;
  contactEmail: string;
  contactName: string | null;
};

export function responsesCsv(member: Member, filters: AnalyticsFilters): Readable {
  const where = Prisma.sql`r."organizationId" = ${member.organizationId}
    AND r."respondedAt" >= ${filters.range.from} AND r."respondedAt" < ${filters.range.to} ${filterSql(filters, "r")}`;
  const rows = batches<ResponseExportRow>((after) => readReplica().$queryRaw`
    SELECT r."id", r."respondedAt", r."score", r."category"::text AS category, r."channel"::text AS channel,
           s."code" AS "storeCode", s."name" AS "storeName", g."name" AS region, v."name" AS survey, r."segment",
           r."locale", r."comment",
           (SELECT string_agg(th."name", '; ' ORDER BY th."name") FROM "ResponseTheme" t
              JOIN "Theme" th ON th."id" = t."themeId" AND th."organizationId" = t."organizationId"
             WHERE t."responseId" = r."id" AND t."organizationId" = r."organizationId") AS themes,
           r."callbackConsent", c."email" AS "contactEmail", c."name" AS "contactName"
      FROM "Response" r
      JOIN "Survey" v ON v."id" = r."surveyId" AND v."organizationId" = r."organizationId"
      JOIN "Contact" c ON c."id" = r."contactId" AND c."organizationId" = r."organizationId"
      LEFT JOIN "Store" s ON s."id" = r."storeId" AND s."organizationId" = r."organizationId"
      LEFT JOIN "Region" g ON g."id" = s."regionId" AND g."organizationId" = s."organizationId"
     WHERE ${where} ${after ? Prisma.sql`AND (r."respondedAt", r."id") > (${after.at}, ${after.id})` : Prisma.empty}
     ORDER BY r."respondedAt", r."id" LIMIT ${BATCH_SIZE}`,
    (row) => ({ at: row.respondedAt, id: row.id }),
  );
  return toCsv(rows, [
    ["id", "response_id"],
    ["respondedAt", "responded_at"],
    ["score", "score"],
    ["category", "category"],
    ["channel", "channel"],
    ["storeCode", "store_code"],
    ["storeName", "store"],
    ["region", "region"],
    ["survey", "survey"],
    ["segment", "segment"],
    ["locale", "language"],
    ["comment", "comment"],
    ["themes", "themes"],
    ["callbackConsent", "callback_consent"],
    ["contactEmail", "contact_email"],
    ["contactName", "contact_name"],
  ]);
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
