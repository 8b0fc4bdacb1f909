import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importContacts, type ImportProblem, type ImportProgress } from "@/lib/imports/import-contacts";
import { createTenant, createTestStore } from "@/tests/support/factories";

// Streams the CSV in small chunks, as an upload arrives, so rows are split across chunks.
const streamOf = (text: string) => Readable.from(text.match(/[\s\S]{1,7}/g) ?? []);

describe("importing contacts from CSV", () => {
  it("creates and updates contacts row by row, merges duplicates by email and externalId, and reports refused rows", async () => {
    const { tenant } = await createTenant("Import Shop");
    const store = await createTestStore(tenant, "Import Street");
    const known = await db.contact.create({ data: { organizationId: tenant.organizationId, email: "known@example.test", name: "Known" } });
    const csv = [
      "\uFEFFEmail,External ID,Name,Language,Loyalty tier,Store code,City",
      `anna@example.test,A-1,Anna,de,gold,${store.code},Berlin`,
      "not-an-email,A-2,Bad,en,,,",
      "KNOWN@example.test,K-9,Known Again,fr,silver,,Paris",
      ",A-1,Anna Maria,,,,",
      "bob@example.test,,Bob,xx,,,",
      "carl@example.test,,Carl,en,,NO-SUCH-STORE,",
      '"dora@example.test",,"Dora, Jr.",nl,,,"Den Haag"',
    ].join("\r\n");
    const progress: ImportProgress[] = [];

    const run = await importContacts(tenant, { fileName: "crm.csv", csv: streamOf(csv) }, (p) => progress.push(p));

    expect(run).toMatchObject({ status: "done", processedRows: 7, createdRows: 2, updatedRows: 2, rejectedRows: 3 });
    expect(progress.at(-1)).toEqual({ processedRows: 7, createdRows: 2, updatedRows: 2, rejectedRows: 3 });
    const problems = run.problems as ImportProblem[];
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, "email"],
      [6, "locale"],
      [7, "store"],
    ]);
    const anna = await db.contact.findFirstOrThrow({ where: { ...tenant, externalId: "A-1" } });
    expect(anna).toMatchObject({ email: "anna@example.test", name: "Anna Maria", locale: "de", segment: "gold", storeId: store.id, attributes: { City: "Berlin" } });
    expect(await db.contact.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({ externalId: "K-9", name: "Known Again", segment: "silver", locale: "fr" });
    expect(await db.contact.findFirstOrThrow({ where: { ...tenant, email: "dora@example.test" } })).toMatchObject({ name: "Dora, Jr.", attributes: { City: "Den Haag" } });
    expect(await db.contact.count({ where: tenant })).toBe(3);
  });

  it("writes progress while a large file runs, and touches no other tenant's contacts with the same emails", async () => {
    const { tenant } = await createTenant("Big Import Shop");
    const { tenant: other } = await createTenant("Bystander Shop");
    await db.contact.create({ data: { organizationId: other.organizationId, email: "row-1@example.test", name: "Theirs" } });
    const rows = Array.from({ length: 600 }, (_, i) => `row-${i}@example.test,Row ${i}`);
    const progress: number[] = [];

    const run = await importContacts(tenant, { fileName: "big.csv", csv: streamOf(["email,name", ...rows].join("\n")) }, (p) => progress.push(p.processedRows));

    expect(progress).toEqual([250, 500, 600]);
    expect(run).toMatchObject({ createdRows: 600, rejectedRows: 0 });
    expect(await db.contact.findFirstOrThrow({ where: { ...other, email: "row-1@example.test" } })).toMatchObject({ name: "Theirs" });
  });

  it("reports a file that is not CSV as failed instead of throwing", async () => {
    const { tenant } = await createTenant("Broken Import Shop");

    const run = await importContacts(tenant, { fileName: "x.csv", csv: streamOf('email,name\n"unterminated@example.test,Oops\n') });

    expect(run.status).toBe("failed");
    expect((run.problems as ImportProblem[])[0]).toMatchObject({ field: "file" });
  });
});
