import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Everything of the app that changes data on a signed-in person's or an API key's behalf, found on disk rather than
// listed by hand: every exported function of a "use server" file under app/, and every POST, PUT, PATCH and DELETE
// route handler under app/api/v1 and app/(app). For each, whether its code can reach recordAuditEvent: the
// functions it names are followed through the TypeScript checker into lib/ (and on, to any depth), values that are
// not functions (such as next-auth's options object, whose sign-in event writes to the log) are not.

const ROOT = process.cwd();
const APP_DIR = path.join(ROOT, "app");
const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ROUTE_DIRS = [path.join(APP_DIR, "api", "v1"), path.join(APP_DIR, "(app)")];
const AUDIT_MODULE = path.join(ROOT, "lib", "audit", "audit-events.ts");

export type Mutation = { id: string; audited: boolean };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

const isServerActionFile = (file: string) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"));
const isRouteFile = (file: string) => /^route\.tsx?$/.test(path.basename(file)) && ROUTE_DIRS.some((dir) => file.startsWith(dir + path.sep));

function isOwnSource(file: string): boolean {
  const relative = path.relative(ROOT, file);
  return !relative.startsWith("..") && !relative.includes("node_modules") && !relative.startsWith(path.join("lib", "generated")) && !file.endsWith(".d.ts");
}

/** The code a declaration runs when called or passed on: a function's body, an arrow's, a method's. */
function runnableBody(declaration: ts.Declaration): ts.Node | null {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration.body ?? null;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const value = declaration.initializer;
    // `export const POST = memberRoute(role, handler)`: the call and the handler it wraps.
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isCallExpression(value)) return value;
  }
  return null;
}

export function findMutations(): Mutation[] {
  const files = filesUnder(APP_DIR);
  const actionFiles = files.filter(isServerActionFile);
  const routeFiles = files.filter(isRouteFile);
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram([...actionFiles, ...routeFiles], { ...config.options, noEmit: true, incremental: false });
  const checker = program.getTypeChecker();

  const auditSource = program.getSourceFile(AUDIT_MODULE)!;
  const target = auditSource.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === "recordAuditEvent")!;
  const verdicts = new Map<ts.Node, boolean>();

  function reaches(node: ts.Node): boolean {
    if (node === target) return true;
    const known = verdicts.get(node);
    if (known !== undefined) return known;
    verdicts.set(node, false); // a cycle reaches nothing new
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(child)) {
        let symbol = checker.getSymbolAtLocation(child);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          if ((declaration as ts.Node) === target) found = true;
          else if (isOwnSource(declaration.getSourceFile().fileName)) {
            const body = runnableBody(declaration);
            if (body && reaches(body)) found = true;
          }
          if (found) return;
        }
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    verdicts.set(node, found);
    return found;
  }

  const mutations: Mutation[] = [];
  for (const file of [...actionFiles, ...routeFiles]) {
    const source = program.getSourceFile(file)!;
    const route = routeFiles.includes(file);
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      const declarations: ts.Declaration[] = ts.isFunctionDeclaration(statement)
        ? [statement]
        : ts.isVariableStatement(statement)
          ? [...statement.declarationList.declarations]
          : [];
      for (const declaration of declarations) {
        const name = (declaration as ts.FunctionDeclaration | ts.VariableDeclaration).name?.getText() ?? "";
        if (route && !MUTATING_METHODS.has(name)) continue;
        const body = runnableBody(declaration);
        if (!body) continue;
        mutations.push({ id: `${path.relative(ROOT, file)}#${name}`, audited: reaches(body) });
      }
    }
  }
  return mutations;
}
