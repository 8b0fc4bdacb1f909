import { readFile } from "node:fs/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { splitStatements, triggerDefinitionsSql } from "@/lib/db/trigger-definitions";
import { createScratchDatabase, withClient, type ScratchDatabase } from "@/tests/support/scratch-database";

// prisma/triggers.sql claims to hold the current definition of every function and trigger. Postgres itself is the
// judge: in a migrated database, drop them all, run the file, and read the catalog again. Both readings are
// Postgres's own text (pg_get_functiondef, pg_get_triggerdef), so spacing and type spelling cannot differ.

type Catalog = Record<string, string>;

async function readCatalog(client: pg.Client): Promise<Catalog> {
  const { rows } = await client.query<{ key: string; definition: string }>(`
    SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key, pg_get_functiondef(p.oid) AS definition
      FROM pg_proc p
     WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`);
  return Object.fromEntries(rows.map((row) => [row.key, row.definition]));
}

/** The catalog after every function (and with it every trigger) is dropped and `sql` is run; nothing is kept. */
async function catalogFrom(client: pg.Client, sql: string): Promise<Catalog> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ signature: string }>(`
      SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
       WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    for (const { signature } of rows) await client.query(`DROP FUNCTION ${signature} CASCADE`);
    await client.query(sql);
    return await readCatalog(client);
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("prisma/triggers.sql", () => {
  // A scratch database of the test's own: dropping triggers locks their tables, which would stall the other test
  // files on the run's shared database, even in a transaction rolled back at once.
  let scratch: ScratchDatabase;
  let file: string;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    await migrate(scratch.url);
    file = await readFile("prisma/triggers.sql", "utf8");
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it("is what `npm run db:triggers` writes from the migrations today", async () => {
    expect(file, "prisma/triggers.sql is stale: run `npm run db:triggers`").toBe(triggerDefinitionsSql(await readMigrations()));
  });

  it("defines exactly the functions and triggers a migrated database has, each as the database has it", async () => {
    await withClient(scratch.url, async (client) => {
      const migrated = await readCatalog(client);
      expect(Object.keys(migrated).filter((key) => key.startsWith("trigger ")).length).toBeGreaterThan(10);
      expect(await catalogFrom(client, file)).toEqual(migrated);
    });
  });

  it("the comparison notices a trigger left out and a function body changed", async () => {
    await withClient(scratch.url, async (client) => {
      const migrated = await readCatalog(client);
      const statements = splitStatements(file).map((statement) => statement.sql);
      const withoutOne = statements.filter((sql) => !sql.includes('TRIGGER "Response_copy_segment"')).join(";\n");
      const partial = await catalogFrom(client, withoutOne);
      expect(Object.keys(migrated).filter((key) => !(key in partial))).toEqual(["trigger Response.Response_copy_segment"]);
      const changed = file.replace(
        `SELECT "segment" INTO NEW."segment" FROM "Contact"`,
        `SELECT "segment" INTO NEW."segment" FROM "Contact" `,
      );
      expect(changed).not.toBe(file);
      const differing = Object.entries(await catalogFrom(client, changed)).filter(([key, definition]) => migrated[key] !== definition);
      expect(differing.map(([key]) => key)).toEqual(["function SurveySend_copy_segment()"]);
    });
  });
});
