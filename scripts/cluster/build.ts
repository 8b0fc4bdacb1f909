import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// One `next build` for the run, skipped when .next is newer than every file the build reads.
const root = process.cwd();
const SOURCES = ["app", "lib", "components", "emails", "proxy.ts", "next.config.ts", "instrumentation.ts", "package-lock.json"];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // lib/generated is written by `npm ci` (prisma generate) on every install, not by an edit.
  if (entry.endsWith(path.join("lib", "generated"))) return 0;
  return Math.max(0, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function ensureCurrentBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((source) => newestChange(path.join(root, source))));
  if (builtAt > changedAt) return console.log("Reusing .next (built after the last change)");
  console.log("Building the app (next build) …");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}
