import { expect, type Page } from "@playwright/test";

let shotNumber = 0;

/** Every page a test visits is saved under test-results/e2e/, numbered in visiting order, to be looked at. */
export async function screenshot(page: Page, name: string) {
  shotNumber += 1;
  await page.screenshot({ path: `test-results/e2e/${String(shotNumber).padStart(2, "0")}-${name}.png`, fullPage: true });
}

/** Opens the newest outbox mail to `to` whose subject contains `subject` (demo mode keeps mail there). */
export async function openLatestMail(page: Page, to: string, subject: string) {
  await page.goto("/outbox");
  const row = page.locator("tr", { hasText: to }).filter({ hasText: subject }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
}

/** Signs in through the magic link, as a person would: ask for a link, open the mail, follow the link. */
export async function signIn(page: Page, email: string, name: string) {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await screenshot(page, `${name}-check-email`);
  await openLatestMail(page, email, "Sign in");
  await screenshot(page, `${name}-sign-in-mail`);
  const text = await page.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0];
  expect(link, "the sign-in mail carries a callback link").toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function kpi(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).locator(".value").innerText());
}
