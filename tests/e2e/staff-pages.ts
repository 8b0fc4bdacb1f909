import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { ACCESS } from "../../lib/auth/access";

// The signed-in pages, read from app/(app): a new page is in every test that walks them without editing the tests.

const APP_DIR = path.join(process.cwd(), "app", "(app)");
export const RANK = { store_manager: 0, cx_manager: 1, admin: 2 } as const;
export type Role = keyof typeof RANK;

/** Every signed-in page without an id in its path, with the least role that may open it (lib/auth/access.ts). */
export function staffPages(dir = APP_DIR, prefix = ""): { route: string; minRole: Role }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return staffPages(full, `${prefix}${entry.startsWith("(") ? "" : `/${entry}`}`);
    if (entry !== "page.tsx") return [];
    const minRole = (ACCESS as Record<string, Role>)[prefix];
    expect(minRole, `${prefix} is in ACCESS (lib/auth/access.ts)`).toBeTruthy();
    // A page with an id in its path has no URL to try without one (tenant-isolation.spec.ts opens them).
    return prefix.includes("[") ? [] : [{ route: prefix, minRole }];
  });
}

export const DEMO_PEOPLE: [Role, string][] = [
  ["store_manager", "manager.nw-001@northwind.demo"],
  ["cx_manager", "cx@northwind.demo"],
  ["admin", "admin@northwind.demo"],
];
