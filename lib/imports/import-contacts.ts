import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import { recordAuditEvent } from "../audit/audit-events";
import { contactRecordSchema, type ContactFields } from "../contacts/record-schemas";
import { saveContact } from "../contacts/save-contact";
import { db, type Prisma } from "../db/client";
import { InputError } from "../forms/input-error";
import type { Tenant } from "../tenancy/tenant";

export type ImportProblem = { row: number; field: string; message: string };
export type ImportProgress = { processedRows: number; createdRows: number; updatedRows: number; rejectedRows: number };

// Columns we know, by their normalised header (lower case, no spaces, dashes or underscores); any other column
// becomes an attribute of the contact under its header as written.
const COLUMNS: Record<string, keyof ContactFields | "store"> = {
  email: "email",
  emailaddress: "email",
  externalid: "externalId",
  customerid: "externalId",
  name: "name",
  phone: "phone",
  locale: "locale",
  language: "locale",
  segment: "segment",
  loyaltytier: "segment",
  store: "store",
  storecode: "store",
  lastpurchaseat: "lastPurchaseAt",
  lastpurchase: "lastPurchaseAt",
};
const PROGRESS_EVERY = 250;
const MAX_PROBLEMS = 1000;

/**
 * Imports a CSV of contacts as it streams in (csv-parse: the file is never held whole in memory). Each row is
 * checked with the API's contact schema; a row naming a contact we know (by externalId, else email) updates it,
 * so duplicates in the file or against the database merge into one contact. Rows with problems are skipped and
 * reported (row number, column, message). Progress is written to the import every few hundred rows.
 */
export async function importContacts(
  tenant: Tenant,
  input: { fileName: string; csv: Readable; createdBy?: string | null },
  onProgress?: (progress: ImportProgress) => void,
) {
  const run = await db.contactImport.create({
    data: { organizationId: tenant.organizationId, fileName: input.fileName.slice(0, 200), createdBy: input.createdBy ?? null },
  });
  const storeIds = new Map(
    (await db.store.findMany({ where: { organizationId: tenant.organizationId }, select: { id: true, code: true } })).map((s) => [s.code.toLowerCase(), s.id]),
  );
  const progress: ImportProgress = { processedRows: 0, createdRows: 0, updatedRows: 0, rejectedRows: 0 };
  const problems: ImportProblem[] = [];
  const report = (problem: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const save = (data: Prisma.ContactImportUpdateInput) =>
    db.contactImport.update({ where: { id: run.id, organizationId: tenant.organizationId }, data: { ...progress, problems: problems as Prisma.InputJsonValue, ...data } });
  const finish = async (status: "done" | "failed") => {
    const saved = await save({ status, finishedAt: new Date() });
    await recordAuditEvent(tenant, { action: "contacts_imported", subject: run.id, detail: { fileName: saved.fileName, status, ...progress } });
    return saved;
  };

  try {
    const parser = input.csv.pipe(parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }));
    for await (const raw of parser as AsyncIterable<Record<string, string>>) {
      // Row 1 is the header, so the first contact is on row 2, as a spreadsheet shows it.
      const row = progress.processedRows + 2;
      progress.processedRows += 1;
      const outcome = await importRow(tenant, raw, storeIds);
      if (outcome.ok) progress[outcome.created ? "createdRows" : "updatedRows"] += 1;
      else {
        progress.rejectedRows += 1;
        for (const problem of outcome.problems) report({ row, ...problem });
      }
      if (progress.processedRows % PROGRESS_EVERY === 0) {
        await save({});
        onProgress?.({ ...progress });
      }
    }
  } catch (error) {
    report({ row: progress.processedRows + 2, field: "file", message: `Not readable as CSV: ${(error as Error).message}` });
    onProgress?.({ ...progress });
    return finish("failed");
  }
  onProgress?.({ ...progress });
  return finish("done");
}

type RowOutcome = { ok: true; created: boolean } | { ok: false; problems: { field: string; message: string }[] };

async function importRow(tenant: Tenant, raw: Record<string, string>, storeIds: Map<string, string>): Promise<RowOutcome> {
  const record: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  let storeCode: string | null = null;
  for (const [header, value] of Object.entries(raw)) {
    if (value === "" || value === undefined) continue;
    // PostgreSQL text cannot hold NUL: the row is refused, not the whole file.
    if (`${header}${value}`.includes("\u0000")) return { ok: false, problems: [{ field: header.replaceAll("\u0000", "") || "row", message: "Contains a NUL character" }] };
    const field = COLUMNS[header.toLowerCase().replace(/[\s_-]/g, "")];
    if (field === "store") storeCode = value;
    else if (field) record[field] = value;
    else attributes[header] = value;
  }
  if (Object.keys(attributes).length) record.attributes = attributes;
  const parsed = contactRecordSchema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "row", message: issue.message })) };
  }
  const storeId = storeCode ? storeIds.get(storeCode.toLowerCase()) : null;
  if (storeCode && !storeId) return { ok: false, problems: [{ field: "store", message: `No store with the code ${storeCode}` }] };
  try {
    const { created } = await saveContact(db, tenant, parsed.data, { storeId });
    return { ok: true, created };
  } catch (error) {
    if (error instanceof InputError) {
      return { ok: false, problems: Object.entries(error.fieldErrors).map(([field, message]) => ({ field, message })) };
    }
    throw error;
  }
}

export async function listContactImports(tenant: Tenant, limit = 10) {
  return db.contactImport.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { createdAt: "desc" }, take: limit });
}
