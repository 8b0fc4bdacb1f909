import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// What the browser downloads must not carry server secrets or connection strings. The suite's web server has just
// built the app, so .next/static is what customers and staff are served.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the client bundles contain no secrets and no server configuration", async () => {
  const staticDir = path.join(process.cwd(), ".next", "static");
  const bundles = filesUnder(staticDir).filter((file) => file.endsWith(".js"));
  expect(bundles.length).toBeGreaterThan(0);
  const secretFile = path.join(process.cwd(), ".data", "nextauth-secret");
  const secrets = existsSync(secretFile) ? [readFileSync(secretFile, "utf8").trim()] : [];
  const forbidden = [...secrets, "NEXTAUTH_SECRET", "DATABASE_URL", "SMTP_URL", "postgresql://", "smtp://"];
  const leaks = bundles.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return forbidden.filter((needle) => source.includes(needle)).map((needle) => `${path.basename(file)}: ${needle.slice(0, 12)}`);
  });
  expect(leaks).toEqual([]);
});
