import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

// Prisma's migrate engine cannot run here (docs/platform-notes.md), so nothing else compares the hand-written
// migrations with schema.prisma. This does, for what Prisma itself would create on PostgreSQL: tables, columns
// (type, nullability, default), enums, primary keys, unique and normal indexes with Prisma's names, and foreign
// keys. Hand-written CHECK constraints are deliberately not compared: the schema language cannot state them.
// Foreign keys between tenant-owned tables lead with organizationId, which schema.prisma's relations leave out
// (see TENANT_COLUMN below): those are derived from the relations, so a reference without the tenant is reported too.
// Whatever the comparison does not understand is reported as a difference, never skipped in silence.

const HISTORY_TABLE = "_prisma_migrations";
const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; length?: number; operatorClass?: unknown }[];
};
export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

export async function loadDatamodel(schemaPath = SCHEMA_PATH): Promise<Datamodel> {
  const source = await readFile(schemaPath, "utf8");
  const wasm = await import("@prisma/prisma-schema-wasm");
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", source]] })));
  return dmmf.datamodel as Datamodel;
}

type Column = {
  table: string;
  column: string;
  data_type: string;
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  is_nullable: "YES" | "NO";
  column_default: string | null;
};
type Index = {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  partial: boolean;
  method: string;
  columns: string[];
  descending: boolean[];
};
type ForeignKey = {
  table: string;
  name: string;
  referenced: string;
  columns: string[];
  referenced_columns: string[];
  // ON DELETE SET NULL (…)'s columns; empty when it nulls every column of the key.
  set_null_columns: string[];
  on_delete: string;
  on_update: string;
};

/** Reads the catalog of the connection's current schema. */
async function readCatalog(client: pg.Client) {
  const tables = await client.query<{ table: string }>(
    `SELECT table_name::text AS table FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const columns = await client.query<Column>(
    `SELECT table_name::text AS table, column_name::text AS column, data_type::text, udt_name::text,
            datetime_precision::int, character_maximum_length::int, numeric_precision::int, numeric_scale::int,
            is_nullable::text, column_default::text
       FROM information_schema.columns
      WHERE table_schema = current_schema()
      ORDER BY table_name, ordinal_position`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`,
  );
  const indexes = await client.query<Index>(
    `SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
            x.indpred IS NOT NULL AS partial, am.amname::text AS method,
            array(SELECT coalesce(a.attname::text, '(expression)')
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE k.ord <= x.indnkeyatts
                   ORDER BY k.ord) AS columns,
            array(SELECT (o.option & 1) = 1
                    FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(option, ord)
                   WHERE o.ord <= x.indnkeyatts
                   ORDER BY o.ord) AS descending
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = current_schema()`,
  );
  const foreignKeys = await client.query<ForeignKey>(
    `SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS referenced,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
              AS referenced_columns,
            array(SELECT a.attname::text FROM unnest(c.confdelsetcols) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)
              AS set_null_columns,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const ours = <T extends { table: string }>(rows: T[]) => rows.filter((row) => row.table !== HISTORY_TABLE);
  return {
    tables: new Set(ours(tables.rows).map((row) => row.table)),
    columns: ours(columns.rows),
    enums: enums.rows,
    indexes: ours(indexes.rows),
    foreignKeys: ours(foreignKeys.rows),
  };
}

// Prisma's column types on PostgreSQL when no @db attribute is given.
const PRISMA_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// @db.* attributes, only those whose rendering is certain; add more when the schema starts using them.
const NATIVE_TYPES: Record<string, (args: string[]) => string | undefined> = {
  Text: () => "text",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Boolean: () => "boolean",
  Uuid: () => "uuid",
  Date: () => "date",
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
  VarChar: ([length]) => (length ? `character varying(${length})` : "character varying"),
  Char: ([length]) => `character(${length ?? 1})`,
  Decimal: ([precision, scale]) => (precision ? `numeric(${precision},${scale ?? 0})` : undefined),
  Timestamp: ([precision]) => (precision ? `timestamp(${precision}) without time zone` : undefined),
  Timestamptz: ([precision]) => (precision ? `timestamp(${precision}) with time zone` : undefined),
};

function describeColumnType(column: Column): string {
  switch (column.data_type) {
    case "USER-DEFINED":
      return `USER-DEFINED "${column.udt_name}"`;
    case "ARRAY":
      return `ARRAY "${column.udt_name}"`;
    case "character varying":
    case "character":
      return column.character_maximum_length === null
        ? column.data_type
        : `${column.data_type}(${column.character_maximum_length})`;
    case "numeric":
      return column.numeric_precision === null ? "numeric" : `numeric(${column.numeric_precision},${column.numeric_scale})`;
    case "timestamp without time zone":
    case "timestamp with time zone":
    case "time without time zone":
    case "time with time zone":
      return column.data_type.replace(/^(\w+)/, `$1(${column.datetime_precision})`);
    default:
      return column.data_type;
  }
}

function expectedColumnType(field: DmmfField, enumDbNames: Map<string, string>): string | { unsupported: string } {
  if (field.isList) return { unsupported: "list fields" };
  if (field.kind === "enum") return `USER-DEFINED "${enumDbNames.get(field.type) ?? field.type}"`;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    return NATIVE_TYPES[name]?.(args) ?? { unsupported: `@db.${name}(${args.join(", ")})` };
  }
  return PRISMA_TYPES[field.type] ?? { unsupported: `type ${field.type}` };
}

type ExpectedDefault = { describe: string; matches: (actual: string | null) => boolean } | { unsupported: string };

const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

function expectedDefault(field: DmmfField, enumDbNames: Map<string, string>): ExpectedDefault {
  const none = { describe: "no default", matches: (actual: string | null) => actual === null };
  if (!field.hasDefaultValue) return none;
  const value = field.default;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const call = value as { name: string; args: unknown[] };
    // Prisma fills these in the client; a database default would hide a client that forgot to.
    if (CLIENT_SIDE_DEFAULTS.has(call.name)) return none;
    if (call.name === "now") {
      return { describe: "CURRENT_TIMESTAMP", matches: (actual) => actual?.includes("CURRENT_TIMESTAMP") ?? false };
    }
    if (call.name === "autoincrement") {
      return { describe: "nextval(…)", matches: (actual) => actual?.startsWith("nextval(") ?? false };
    }
    if (call.name === "dbgenerated" && typeof call.args[0] === "string") {
      const sql = call.args[0];
      return { describe: sql, matches: (actual) => actual === sql };
    }
    return { unsupported: `@default(${call.name}(…))` };
  }
  if (field.isList) return { unsupported: "list defaults" };
  if (field.kind === "enum" && typeof value === "string") {
    const literal = `'${value}'::${quoteIdentifier(enumDbNames.get(field.type) ?? field.type)}`;
    return { describe: literal, matches: (actual) => actual === literal };
  }
  if (field.type === "String" && !field.nativeType && typeof value === "string") {
    const literal = `'${value.replaceAll("'", "''")}'::text`;
    return { describe: literal, matches: (actual) => actual === literal };
  }
  if (field.type === "Boolean" && typeof value === "boolean") {
    return { describe: String(value), matches: (actual) => actual === String(value) };
  }
  if ((field.type === "Int" || field.type === "BigInt") && typeof value === "number") {
    // PostgreSQL shows a negative literal as a cast string: DEFAULT -1 reads back as '-1'::integer.
    const literal = value < 0 ? `'${value}'::${field.type === "Int" ? "integer" : "bigint"}` : String(value);
    return { describe: literal, matches: (actual) => actual === literal };
  }
  if (field.type === "Json" && typeof value === "string") {
    const literal = `'${value.replaceAll("'", "''")}'::jsonb`;
    return { describe: literal, matches: (actual) => actual === literal };
  }
  return { unsupported: `@default(${JSON.stringify(value)}) on ${field.type}` };
}

function quoteIdentifier(name: string) {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// Prisma's default constraint names: <table>_<columns>_<suffix>, cut to PostgreSQL's 63-byte identifier limit.
function prismaConstraintName(table: string, columns: string[], suffix: string) {
  const base = [table, ...columns].join("_");
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "c",
  SetNull: "n",
  Restrict: "r",
  NoAction: "a",
  SetDefault: "d",
};
const ACTION_NAMES: Record<string, string> = {
  c: "CASCADE",
  n: "SET NULL",
  r: "RESTRICT",
  a: "NO ACTION",
  d: "SET DEFAULT",
};

const list = (columns: string[]) => `(${columns.join(", ")})`;

// A relation between two models that both have this field is a key on (organizationId, <id>) →
// (organizationId, id) in the database (migration 20261203000000_tenant_scoped_references), so that no row can
// point at another tenant's; schema.prisma names the id alone. A SET NULL clears only the key's optional columns.
const TENANT_COLUMN = "organizationId";
const isTenantOwned = (model: DmmfModel) => model.fields.some((field) => field.name === TENANT_COLUMN && field.kind === "scalar");

function deleteAction(action: string, setNullColumns: string[], columns: string[]) {
  const name = ACTION_NAMES[action] ?? action;
  return action === "n" && setNullColumns.length > 0 && setNullColumns.length < columns.length ? `${name} ${list(setNullColumns)}` : name;
}

// Indexes the schema language cannot declare (expression, partial, GIN full-text and covering INCLUDE indexes), written by
// hand in a migration. Only these are exempt, and each must exist with its access method: a missing one is a difference.
const HAND_WRITTEN_INDEXES = [
  // The comments explorer's full-text search on to_tsvector('simple', comment) (20261123100000_analytics).
  { table: "Response", name: "Response_comment_search_idx", method: "gin" },
  // Follow-up figures of views limited to stores, from the index alone (20261201000000_theme_and_cause_rollups).
  { table: "FollowUp", name: "FollowUp_store_figures_idx", method: "btree" },
  // The escalation sweep's open, not yet escalated follow-ups by due time (20261204130000_audit_and_escalation).
  { table: "FollowUp", name: "FollowUp_awaiting_escalation_idx", method: "btree" },
];

/**
 * Every way the database behind `client` (its current schema) differs from the datamodel, one sentence each;
 * empty when they match.
 */
export async function diffDatabaseAgainstSchema(client: pg.Client, datamodel: Datamodel): Promise<string[]> {
  const catalog = await readCatalog(client);
  const differences: string[] = [];

  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  // Enums: same names, same values in the same order (order decides sorting and comparisons in SQL).
  const databaseEnums = new Map(catalog.enums.map((e) => [e.name, e.values]));
  for (const schemaEnum of datamodel.enums) {
    const name = schemaEnum.dbName ?? schemaEnum.name;
    const values = schemaEnum.values.map((value) => value.dbName ?? value.name);
    const actual = databaseEnums.get(name);
    if (!actual) differences.push(`enum ${name}: missing from the database`);
    else if (actual.join(",") !== values.join(",")) {
      differences.push(`enum ${name}: values are [${actual.join(", ")}], schema.prisma has [${values.join(", ")}]`);
    }
    databaseEnums.delete(name);
  }
  for (const name of databaseEnums.keys()) differences.push(`enum ${name}: in the database but not in schema.prisma`);

  // Tables and columns.
  const modelTables = new Set(tableOf.values());
  for (const table of catalog.tables) {
    if (!modelTables.has(table)) differences.push(`table ${table}: in the database but no model in schema.prisma`);
  }
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!catalog.tables.has(table)) {
      differences.push(`model ${model.name}: table ${table} is missing`);
      continue;
    }
    const columns = new Map(catalog.columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const name = field.dbName ?? field.name;
      const where = `${table}.${name}`;
      const column = columns.get(name);
      columns.delete(name);
      if (field.kind === "unsupported") {
        differences.push(`${where}: Unsupported(...) fields are not compared; extend schema-diff.ts`);
        continue;
      }
      if (!column) {
        differences.push(`${where}: column is missing`);
        continue;
      }
      const expectedType = expectedColumnType(field, enumDbNames);
      const actualType = describeColumnType(column);
      if (typeof expectedType !== "string") {
        differences.push(`${where}: ${expectedType.unsupported} not understood by the comparison; extend schema-diff.ts`);
      } else if (expectedType !== actualType) {
        differences.push(`${where}: type is ${actualType}, schema.prisma wants ${expectedType}`);
      }
      const nullable = column.is_nullable === "YES";
      if (field.isRequired === nullable) {
        differences.push(`${where}: ${nullable ? "nullable" : "NOT NULL"} in the database, schema.prisma says ${field.isRequired ? "required" : "optional"}`);
      }
      const expected = expectedDefault(field, enumDbNames);
      if ("unsupported" in expected) {
        differences.push(`${where}: ${expected.unsupported} not understood by the comparison; extend schema-diff.ts`);
      } else if (!expected.matches(column.column_default)) {
        differences.push(`${where}: default is ${column.column_default ?? "none"}, schema.prisma wants ${expected.describe}`);
      }
    }
    for (const name of columns.keys()) differences.push(`${table}.${name}: column in the database but no field in schema.prisma`);
  }

  // Primary keys, unique and normal indexes, by Prisma's names.
  const tablesPresent = [...tableOf.values()].filter((table) => catalog.tables.has(table));
  const indexesLeft = new Map(
    catalog.indexes.filter((index) => tablesPresent.includes(index.table)).map((index) => [`${index.table}.${index.name}`, index]),
  );
  for (const schemaIndex of datamodel.indexes) {
    const model = datamodel.models.find((candidate) => candidate.name === schemaIndex.model)!;
    const table = tableOf.get(model.name)!;
    if (!catalog.tables.has(table)) continue;
    const columns = schemaIndex.fields.map((field) => columnOf(model, field.name));
    const descending = schemaIndex.fields.map((field) => field.sortOrder === "desc");
    const kind = { id: "primary key", unique: "unique index", normal: "index", fulltext: "fulltext index" }[schemaIndex.type];
    const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[schemaIndex.type];
    const name = schemaIndex.dbName ?? (schemaIndex.type === "id" ? `${table}_pkey` : prismaConstraintName(table, columns, suffix));
    const where = `${table}: ${kind} ${name} ${list(columns)}`;
    if (schemaIndex.type === "fulltext" || schemaIndex.fields.some((field) => field.length || field.operatorClass)) {
      differences.push(`${where}: fulltext, length and operator-class indexes are not understood; extend schema-diff.ts`);
      continue;
    }
    const actual = indexesLeft.get(`${table}.${name}`);
    if (!actual) {
      const elsewhere = catalog.indexes.find(
        (index) => index.table === table && index.columns.join(",") === columns.join(",") && index.unique === (schemaIndex.type !== "normal"),
      );
      differences.push(`${where}: missing${elsewhere ? ` (the database has it as ${elsewhere.name})` : ""}`);
      continue;
    }
    indexesLeft.delete(`${table}.${name}`);
    if (actual.columns.join(",") !== columns.join(",")) differences.push(`${where}: is on ${list(actual.columns)} in the database`);
    if (actual.primary !== (schemaIndex.type === "id")) {
      differences.push(`${where}: is ${actual.primary ? "" : "not "}the primary key in the database`);
    }
    if (actual.unique !== (schemaIndex.type !== "normal")) {
      differences.push(`${where}: is ${actual.unique ? "unique" : "not unique"} in the database`);
    }
    if (actual.descending.join(",") !== descending.join(",")) {
      differences.push(`${where}: sort order is [${actual.descending.map((d) => (d ? "desc" : "asc")).join(", ")}] in the database`);
    }
    const method = (schemaIndex.algorithm ?? "BTree").toLowerCase();
    if (actual.method !== method) differences.push(`${where}: uses ${actual.method} in the database, schema.prisma wants ${method}`);
    if (actual.partial) differences.push(`${where}: is partial (WHERE …) in the database`);
  }
  for (const handWritten of HAND_WRITTEN_INDEXES) {
    if (!catalog.tables.has(handWritten.table)) continue;
    const actual = indexesLeft.get(`${handWritten.table}.${handWritten.name}`);
    if (actual?.method === handWritten.method) indexesLeft.delete(`${handWritten.table}.${handWritten.name}`);
    else if (!actual) differences.push(`${handWritten.table}: hand-written ${handWritten.method} index ${handWritten.name} is missing`);
  }
  for (const index of indexesLeft.values()) {
    const kind = index.primary ? "primary key" : index.unique ? "unique index" : "index";
    differences.push(`${index.table}: ${kind} ${index.name} ${list(index.columns)} in the database is not declared in schema.prisma`);
  }

  // Foreign keys: one per relation field that holds the foreign key, with Prisma's referential actions.
  const foreignKeysLeft = new Map(
    catalog.foreignKeys.filter((fk) => tablesPresent.includes(fk.table)).map((fk) => [`${fk.table}.${fk.name}`, fk]),
  );
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!catalog.tables.has(table)) continue;
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const referencedModel = datamodel.models.find((candidate) => candidate.name === field.type)!;
      const referenced = tableOf.get(referencedModel.name)!;
      const ownColumns = field.relationFromFields.map((name) => columnOf(model, name));
      const tenantScoped = isTenantOwned(model) && isTenantOwned(referencedModel) && !field.relationFromFields.includes(TENANT_COLUMN);
      const columns = tenantScoped ? [columnOf(model, TENANT_COLUMN), ...ownColumns] : ownColumns;
      const optionalColumns = field.relationFromFields
        .filter((name) => !model.fields.find((candidate) => candidate.name === name)?.isRequired)
        .map((name) => columnOf(model, name));
      const referencedColumns = [
        ...(tenantScoped ? [columnOf(referencedModel, TENANT_COLUMN)] : []),
        ...(field.relationToFields ?? []).map((name) => columnOf(referencedModel, name)),
      ];
      // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const expected = {
        references: `${referenced}${list(referencedColumns)}`,
        on_delete: deleteAction(REFERENTIAL_ACTIONS[onDelete], optionalColumns, columns),
        on_update: ACTION_NAMES[REFERENTIAL_ACTIONS[onUpdate]],
      };
      const name = prismaConstraintName(table, columns, "fkey");
      const describe = (fk: { references: string; on_delete: string; on_update: string }) =>
        `REFERENCES ${fk.references} ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`;
      const where = `${table}: foreign key ${name} ${list(columns)} ${describe(expected)}`;
      const actual =
        foreignKeysLeft.get(`${table}.${name}`) ??
        [...foreignKeysLeft.values()].find((fk) => fk.table === table && fk.columns.join(",") === columns.join(","));
      const withoutTenant =
        tenantScoped && !actual
          ? [...foreignKeysLeft.values()].find((fk) => fk.table === table && fk.columns.join(",") === ownColumns.join(","))
          : undefined;
      if (withoutTenant) {
        differences.push(`${where}: the database's ${withoutTenant.name} ${list(withoutTenant.columns)} leaves out ${TENANT_COLUMN}`);
        foreignKeysLeft.delete(`${table}.${withoutTenant.name}`);
        continue;
      }
      if (!actual) {
        differences.push(`${where}: missing`);
        continue;
      }
      foreignKeysLeft.delete(`${table}.${actual.name}`);
      const found = {
        references: `${actual.referenced}${list(actual.referenced_columns)}`,
        on_delete: deleteAction(actual.on_delete, actual.set_null_columns, actual.columns),
        on_update: ACTION_NAMES[actual.on_update] ?? actual.on_update,
      };
      if (actual.name !== name) differences.push(`${where}: is named ${actual.name} in the database`);
      if (actual.columns.join(",") !== columns.join(",") || describe(found) !== describe(expected)) {
        differences.push(`${where}: the database has ${list(actual.columns)} ${describe(found)}`);
      }
    }
  }
  for (const fk of foreignKeysLeft.values()) {
    differences.push(
      `${fk.table}: foreign key ${fk.name} ${list(fk.columns)} REFERENCES ${fk.referenced}${list(fk.referenced_columns)} in the database is not declared in schema.prisma`,
    );
  }

  return differences;
}
