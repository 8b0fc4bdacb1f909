import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The lib/ functions that name an object of the tenant by id, found in the source rather than listed by hand: every
// exported function with a tenant handle parameter (Tenant, Member, ApiCaller…) followed by a parameter named
// `…Id` or `…Ids`. A new one is found, and so tried with another tenant's ids, without editing the tests.

const LIB_DIR = path.join(process.cwd(), "lib");
// Not domain modules: generated client, database plumbing.
const SKIPPED_DIRS = new Set(["generated", "db"]);
const TENANT_HANDLE = /^(Tenant|Member|TenantWideMember|StoreManager|ApiCaller)\b/;

export type Parameter = { name: string; optional: boolean; tenant: boolean; id: boolean };
export type ByIdFunction = { name: string; module: string; file: string; parameters: Parameter[] };

function sourceFiles(dir = LIB_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return SKIPPED_DIRS.has(entry) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !entry.endsWith(".d.ts") ? [full] : [];
  });
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Exported functions, declared or as `export const f = (…) =>`, with their parameters. */
function exportedFunctions(file: string): { name: string; parameters: readonly ts.ParameterDeclaration[] }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && statement.name && isExported(statement)) return [{ name: statement.name.text, parameters: statement.parameters }];
    if (!ts.isVariableStatement(statement) || !isExported(statement)) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      const value = declaration.initializer;
      const isFunction = value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
      return isFunction && ts.isIdentifier(declaration.name) ? [{ name: declaration.name.text, parameters: value.parameters }] : [];
    });
  });
}

export function libFunctionsById(): ByIdFunction[] {
  return sourceFiles().flatMap((file) =>
    exportedFunctions(file).flatMap(({ name, parameters }) => {
      const described = parameters.map((p): Parameter => ({
        name: p.name.getText(),
        optional: Boolean(p.questionToken || p.initializer),
        tenant: TENANT_HANDLE.test(p.type?.getText() ?? ""),
        id: /Ids?$/.test(p.name.getText()),
      }));
      const tenantAt = described.findIndex((p) => p.tenant);
      if (tenantAt < 0 || !described.slice(tenantAt + 1).some((p) => p.id)) return [];
      const module = path.relative(LIB_DIR, file).replace(/\.tsx?$/, "");
      return [{ name, module, file, parameters: described }];
    }),
  );
}
