import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, withClient, type ScratchDatabase } from "@/tests/support/scratch-database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type HistoryRow = {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

const readHistory = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    return rows;
  });

const tableExists = (url: string, table: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ oid: string | null }>("SELECT to_regclass($1)::text AS oid", [`"${table}"`]);
    return rows[0]?.oid !== null;
  });

const sha256OfFile = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

const CREATE_WIDGET = "20260101000000_create_widget";
const ADD_WIDGET_COLOUR = "20260102000000_add_widget_colour";
const CREATE_GADGET = "20260103000000_create_gadget";

describe("the migrator", () => {
  let scratch: ScratchDatabase;
  let dir: string;

  async function writeMigration(name: string, sql: string) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }

  beforeEach(async () => {
    scratch = await createScratchDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "nps-migrations-"));
    await writeMigration(CREATE_WIDGET, `-- Größe matters: the checksum is over the file's bytes.\nCREATE TABLE "Widget" ("id" INTEGER PRIMARY KEY);\n`);
    await writeMigration(ADD_WIDGET_COLOUR, `ALTER TABLE "Widget" ADD COLUMN "colour" TEXT NOT NULL DEFAULT 'blue';\n`);
  });

  afterEach(async () => {
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("records every migration it applies the way prisma migrate deploy does", async () => {
    expect(await migrate(scratch.url, dir)).toEqual([CREATE_WIDGET, ADD_WIDGET_COLOUR]);

    const history = await readHistory(scratch.url);
    expect(history.map((row) => row.migration_name)).toEqual([CREATE_WIDGET, ADD_WIDGET_COLOUR]);
    for (const row of history) {
      expect(row.checksum).toBe(await sha256OfFile(path.join(dir, row.migration_name, "migration.sql")));
      expect(row.id).toMatch(UUID);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(scratch.url, "Widget")).toBe(true);

    // The history table has Prisma's own shape, so `prisma migrate deploy` elsewhere can read and extend it.
    const columns = await withClient(scratch.url, async (client) => {
      const { rows } = await client.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
          ORDER BY ordinal_position`,
      );
      return rows;
    });
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);
  });

  it("running it again applies nothing", async () => {
    await migrate(scratch.url, dir);
    const before = await readHistory(scratch.url);

    expect(await migrate(scratch.url, dir)).toEqual([]);
    expect(await readHistory(scratch.url)).toEqual(before);
  });

  it("applies only the migrations added since the last run", async () => {
    await migrate(scratch.url, dir);
    await writeMigration(CREATE_GADGET, `CREATE TABLE "Gadget" ("id" INTEGER PRIMARY KEY);\n`);

    expect(await migrate(scratch.url, dir)).toEqual([CREATE_GADGET]);
    expect((await readHistory(scratch.url)).map((row) => row.migration_name)).toEqual([
      CREATE_WIDGET,
      ADD_WIDGET_COLOUR,
      CREATE_GADGET,
    ]);
  });

  it("refuses a migration edited after it was applied, naming it, and applies nothing after it", async () => {
    await migrate(scratch.url, dir);
    const before = await readHistory(scratch.url);
    await writeMigration(ADD_WIDGET_COLOUR, `ALTER TABLE "Widget" ADD COLUMN "colour" TEXT NOT NULL DEFAULT 'red';\n`);
    await writeMigration(CREATE_GADGET, `CREATE TABLE "Gadget" ("id" INTEGER PRIMARY KEY);\n`);

    await expect(migrate(scratch.url, dir)).rejects.toThrow(ADD_WIDGET_COLOUR);
    expect(await readHistory(scratch.url)).toEqual(before);
    expect(await tableExists(scratch.url, "Gadget")).toBe(false);
  });

  it("rolls a failing migration back entirely and leaves no finished row for it", async () => {
    await writeMigration(
      CREATE_GADGET,
      `CREATE TABLE "Gadget" ("id" INTEGER PRIMARY KEY);
INSERT INTO "Gadget" ("id") VALUES (1);
ALTER TABLE "Widget" ADD COLUMN "size" INTEGER;
INSERT INTO "Gadget" ("id") VALUES (1);
`,
    );

    await expect(migrate(scratch.url, dir)).rejects.toThrow(CREATE_GADGET);

    // One transaction per migration: the ones before it stay applied, nothing of the failed one remains.
    const history = await readHistory(scratch.url);
    expect(history.filter((row) => row.finished_at !== null).map((row) => row.migration_name)).toEqual([
      CREATE_WIDGET,
      ADD_WIDGET_COLOUR,
    ]);
    expect(history.some((row) => row.migration_name === CREATE_GADGET && row.finished_at !== null)).toBe(false);
    expect(await tableExists(scratch.url, "Gadget")).toBe(false);
    const widgetColumns = await withClient(scratch.url, async (client) => {
      const { rows } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'Widget' ORDER BY ordinal_position`,
      );
      return rows.map((row) => row.column_name);
    });
    expect(widgetColumns).toEqual(["id", "colour"]);

    // Once fixed, the migration applies on the next run.
    await writeMigration(CREATE_GADGET, `CREATE TABLE "Gadget" ("id" INTEGER PRIMARY KEY);\n`);
    expect(await migrate(scratch.url, dir)).toEqual([CREATE_GADGET]);
  });

  // On the embedded PGlite every connection shares one database session, so the advisory lock is re-entrant for
  // both callers and cannot serialise them: the case only means something on a real server (TEST_DATABASE_URL).
  it.skipIf(!process.env.TEST_DATABASE_URL)("two migrators started together apply each migration exactly once", async () => {
    // A slow first migration keeps the second migrator waiting at the lock rather than finishing before it starts.
    await writeMigration(CREATE_WIDGET, `CREATE TABLE "Widget" ("id" INTEGER PRIMARY KEY);\nSELECT pg_sleep(0.5);\n`);

    const [first, second] = await Promise.all([migrate(scratch.url, dir), migrate(scratch.url, dir)]);

    expect([...first, ...second].sort()).toEqual([CREATE_WIDGET, ADD_WIDGET_COLOUR]);
    expect([first.length, second.length].sort()).toEqual([0, 2]);
    expect((await readHistory(scratch.url)).map((row) => row.migration_name)).toEqual([CREATE_WIDGET, ADD_WIDGET_COLOUR]);
  });
});

describe("the run's database", () => {
  it("records every migration in prisma/migrations with the checksum of its file", async () => {
    const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

    const history = await readHistory(process.env.DATABASE_URL!);
    expect(history.map((row) => [row.migration_name, row.checksum, row.finished_at !== null, row.applied_steps_count])).toEqual(
      await Promise.all(
        names.map(async (name) => [name, await sha256OfFile(path.join(migrationsDir, name, "migration.sql")), true, 1]),
      ),
    );
  });
});
