import { expect, test } from "@playwright/test";
import { screenshot } from "./support";

// `npm start` with no configuration is demo mode: every staff page and the sign-in page say so, and the sign-in page
// signs a demo user in with one click (tests/startup/ covers the configurations where none of this exists).
test("the demo's sign-in page says demo mode and signs a store manager in with one click", async ({ page }) => {
  await page.goto("/signin");
  const banner = page.getByRole("complementary", { name: "Demo mode" });
  await expect(banner).toContainText("sample data, mail goes to the outbox — not for production");
  await expect(page.getByRole("heading", { name: "Demo users" })).toBeVisible();
  await screenshot(page, "demo-sign-in");

  await page.getByRole("button", { name: "Sign in as manager.nw-003@northwind.demo" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("complementary", { name: "Demo mode" })).toBeVisible();
  await expect(page.getByText("manager.nw-003@northwind.demo")).toBeVisible();
  await screenshot(page, "demo-one-click-dashboard");
});
