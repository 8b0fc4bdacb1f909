import { expect, test } from "@playwright/test";
import { RANK, DEMO_PEOPLE as PEOPLE, staffPages as pages } from "./staff-pages";
import { signIn } from "./support";

// Each role against every signed-in page without an id in its path: a page opens for the roles the access table
// (lib/auth/access.ts, which the pages' guards read) admits, and the others get "you don't have access to this"
// with 403 (the page exists for everyone of the tenant; ids of other tenants and stores stay 404, as
// tenant-isolation.spec.ts proves). The pages come from app/(app): a new page is in the matrix without editing this
// test, and one missing from the table fails it.

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
