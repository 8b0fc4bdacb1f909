import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCESS } from "../../lib/auth/access";
import { signIn } from "./support";

// Each role against every signed-in page without an id in its path: a page opens for the roles the access table
// (lib/auth/access.ts, which the pages' guards read) admits, and the others get "you don't have access to this"
// with 403 (the page exists for everyone of the tenant; ids of other tenants and stores stay 404, as
// tenant-isolation.spec.ts proves). The pages come from app/(app): a new page is in the matrix without editing this
// test, and one missing from the table fails it.

const APP_DIR = path.join(process.cwd(), "app", "(app)");
const RANK = { store_manager: 0, cx_manager: 1, admin: 2 } as const;
type Role = keyof typeof RANK;

function pages(dir = APP_DIR, prefix = ""): { route: string; minRole: Role }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return pages(full, `${prefix}${entry.startsWith("(") ? "" : `/${entry}`}`);
    if (entry !== "page.tsx") return [];
    const minRole = (ACCESS as Record<string, Role>)[prefix];
    expect(minRole, `${prefix} is in ACCESS (lib/auth/access.ts)`).toBeTruthy();
    // A page with an id in its path has no URL to try without one (tenant-isolation.spec.ts opens them).
    return prefix.includes("[") ? [] : [{ route: prefix, minRole }];
  });
}

const PEOPLE: [Role, string][] = [
  ["store_manager", "manager.nw-001@northwind.demo"],
  ["cx_manager", "cx@northwind.demo"],
  ["admin", "admin@northwind.demo"],
];

test("every role opens exactly the pages the access table admits, and the others say 'you don't have access' with 403", async ({ browser }) => {
  const matrix = pages();
  expect(matrix.map((p) => p.minRole)).toEqual(expect.arrayContaining(["store_manager", "cx_manager", "admin"]));
  for (const [role, email] of PEOPLE) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email, `matrix-${role}`);
    const wrong: string[] = [];
    for (const { route, minRole } of matrix) {
      const status = (await page.goto(route))?.status();
      const allowed = RANK[role] >= RANK[minRole];
      const refusalShown = await page.getByRole("heading", { name: "You don't have access to this" }).isVisible();
      const notFoundShown = await page.getByRole("heading", { name: "Not found" }).isVisible();
      const expected = allowed ? status === 200 && !refusalShown && !notFoundShown : status === 403 && refusalShown;
      if (!expected) wrong.push(`${route} (needs ${minRole}): ${status}, refusal shown ${refusalShown}, not-found shown ${notFoundShown}`);
    }
    expect(wrong, `${role} ${email}`).toEqual([]);
  }
});
