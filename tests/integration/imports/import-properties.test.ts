import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importContacts, type ImportProblem } from "@/lib/imports/import-contacts";
import { createTenant, createTestStore } from "@/tests/support/factories";

// Whatever file a CX manager uploads (well-formed CSV with any values, or broken text): the import never throws,
// ends "done" or "failed" with a report, and its counts are exactly what it wrote: no contact from a refused row.

const HEADER = ["Email", "External ID", "Name", "Language", "Store code", "Phone", "Segment", "Loyalty tier"];
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 80 }), fc.constantFrom("", " ", "\u0000", '"', ",", "\n", "\r\n", "xx"));
const email = fc.oneof(fc.emailAddress(), text);
const row = fc.tuple(email, text, text, fc.oneof(fc.constantFrom("en", "de", "fr"), text), fc.oneof(fc.constant("PROP-1"), text), text, text, text);
const wellFormed = fc.array(row, { maxLength: 25 }).map((rows) => stringify([HEADER, ...rows]));
const anyFile = fc.oneof(wellFormed, fc.string({ maxLength: 500 }), fc.array(fc.array(text, { maxLength: 10 }), { maxLength: 15 }).map((rows) => rows.map((r) => r.join(",")).join("\n")));

// Streamed in small chunks, as an upload arrives.
const streamOf = (file: string) => Readable.from(file.match(/[\s\S]{1,11}/g) ?? []);

describe("the CSV contact import under arbitrary files", () => {
  it("reports every file, and writes exactly the contacts it counts as created", async () => {
    const { tenant } = await createTenant("Property Import Shop");
    const store = await createTestStore(tenant, "Property Street");
    await db.store.update({ where: { id: store.id }, data: { code: "PROP-1" } });
    await fc.assert(
      fc.asyncProperty(anyFile, async (file) => {
        const before = await db.contact.count({ where: tenant });
        const run = await importContacts(tenant, { fileName: "any.csv", csv: streamOf(file) });
        const after = await db.contact.count({ where: tenant });

        expect(["done", "failed"]).toContain(run.status);
        expect(run.processedRows).toBe(run.createdRows + run.updatedRows + run.rejectedRows);
        expect(after - before).toBe(run.createdRows);
        const problems = run.problems as ImportProblem[];
        if (run.rejectedRows > 0 || run.status === "failed") expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          expect(problem.row).toBeGreaterThanOrEqual(2);
          expect(problem.field.length).toBeGreaterThan(0);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
