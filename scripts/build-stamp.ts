import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What `next build` reads: a change to any of these (a `git pull`, an edit) makes the build in .next/ stale.
// Tests, docs and scripts are not in the app's bundle and do not count.
const BUILD_INPUTS = [
  "app",
  "components",
  "emails",
  "lib",
  "prisma",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "prisma.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
// Generated from prisma/schema.prisma (which counts) by postinstall; git ignores it, the walk must too.
const GENERATED = path.join("lib", "generated");
const STAMP = path.join(".next", "nps-source-hash");

/**
 * A hash of the build's source files, paths and contents: the files git knows in these folders (tracked, or new and
 * not ignored) in a git checkout, else a walk of them. About 300 files: a few tens of milliseconds.
 */
export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root)) {
    const full = path.join(root, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : "(deleted)");
    hash.update("\0");
  }
  return hash.digest("hex");
}

function sourceFiles(root: string): string[] {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...BUILD_INPUTS], {
    cwd: root,
    encoding: "utf8",
  });
  if (git.status === 0 && existsSync(path.join(root, ".git"))) return [...new Set(git.stdout.split("\0").filter(Boolean))].sort();
  return BUILD_INPUTS.flatMap((input) => walk(root, input)).sort();
}

function walk(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full) || relative === GENERATED || path.basename(relative) === "node_modules") return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full).flatMap((entry) => walk(root, path.join(relative, entry)));
}

/** Whether .next/ holds a build of the sources as they are now. */
export function isBuildCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceHash(root);
}

/** `next build`, then the stamp of the sources it built (hashed before it starts: an edit meanwhile is seen next time). */
export function build(root: string, env: NodeJS.ProcessEnv = process.env): number {
  const hash = sourceHash(root);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
  if (result.status === 0) writeFileSync(path.join(root, STAMP), `${hash}\n`);
  return result.status ?? 1;
}
