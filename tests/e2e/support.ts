import { type Browser, expect, type Page } from "@playwright/test";

let shotNumber = 0;

/** Every page a test visits is saved under test-results/e2e/, numbered in visiting order, to be looked at. */
export async function screenshot(page: Page, name: string) {
  shotNumber += 1;
  await page.screenshot({ path: `test-results/e2e/${String(shotNumber).padStart(2, "0")}-${name}.png`, fullPage: true });
}

/**
 * Opens the newest outbox mail to `to` whose subject contains `subject` (demo mode keeps mail there), waiting for
 * it: survey emails are sent by the worker a moment after the click that queued them.
 */
export async function openLatestMail(page: Page, to: string, subject: string, timeoutMs = 60_000, notHref?: string | null) {
  const row = () => page.locator("tr", { hasText: to }).filter({ hasText: subject }).first();
  await expect(async () => {
    await page.goto("/outbox");
    await expect(row()).toBeVisible({ timeout: 1_000 });
    if (notHref) expect(await row().getByRole("link").getAttribute("href")).not.toBe(notHref);
  }).toPass({ timeout: timeoutMs, intervals: [500, 1_000] });
  await row().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
}

/** Signs in through the magic link, as a person would: ask for a link, open the mail, follow the link. */
export async function signIn(page: Page, email: string, name: string) {
  // A link from an earlier sign-in is used up; wait for the one this request sends.
  await page.goto("/outbox");
  const earlier = page.locator("tr", { hasText: email }).filter({ hasText: "Sign in" }).first().getByRole("link");
  const earlierHref = (await earlier.count()) > 0 ? await earlier.getAttribute("href") : null;
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await screenshot(page, `${name}-check-email`);
  await openLatestMail(page, email, "Sign in", 60_000, earlierHref);
  await screenshot(page, `${name}-sign-in-mail`);
  const text = await page.locator("pre").innerText();
  const link = text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0];
  expect(link, "the sign-in mail carries a callback link").toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/dashboard/);
}

/** A KPI tile's count, read past the viewer's thousands separators ("12,480" in English, "12.480" in German). */
export async function kpi(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator(".value").innerText();
  expect(text, `${testId} shows a count`).toMatch(/^\d{1,3}([,.\u202f\u00a0]\d{3})*$/);
  return Number(text.replace(/\D/g, ""));
}

export const waitForMail = openLatestMail;

/**
 * The CX manager sets the loop for a test: holdout off (a detractor drawn into the holdout gets no follow-up,
 * which would make a test's path a matter of chance) and the re-survey delay.
 */
export async function setLoopSettings(page: Page, settings: { holdoutPercent: number; resurveyAfterDays?: number }) {
  await page.goto("/loop");
  await page.getByLabel("Holdout share (%)").fill(String(settings.holdoutPercent));
  if (settings.resurveyAfterDays !== undefined) await page.getByLabel("Re-survey after (days)").fill(String(settings.resurveyAfterDays));
  await page.getByRole("button", { name: "Save loop settings" }).click();
  await expect(page.getByRole("status").first()).toContainText("Loop settings saved");
}

/** The CX manager sends the survey email to a customer of a store, as the "Send survey" page does. */
export async function sendSurvey(page: Page, customer: { email: string; name: string; phone: string; storeName: string }) {
  await page.goto("/send");
  await page.getByLabel("Customer email").fill(customer.email);
  await page.getByLabel("Name").fill(customer.name);
  await page.getByLabel("Phone").fill(customer.phone);
  await page.getByLabel("Language").selectOption("en");
  await page.getByLabel("Store").selectOption({ label: customer.storeName });
  await page.getByRole("button", { name: "Send survey" }).click();
  await expect(page.getByRole("status")).toContainText(`Survey sent to ${customer.email}`);
}

/** The CX manager of Northwind, signed in in a browser of their own, sends an English survey to a new address. */
export async function surveyNewCustomer(browser: Browser, email: string, label: string) {
  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", label);
  await cx.goto("/send");
  await cx.getByLabel("Customer email").fill(email);
  await cx.getByLabel("Language").selectOption("en");
  await cx.getByRole("button", { name: "Send survey" }).click();
  await expect(cx.getByRole("status")).toContainText(`Survey sent to ${email}`);
  return cx;
}

type NewStore = { storeName: string; code: string; city: string; managerEmail: string; managerName: string };

/** A CX manager creates a store and invites its store manager; `afterEach` runs after each of the two pages. */
export async function addStoreWithManager(cx: Page, store: NewStore, afterEach: (step: "stores" | "users") => Promise<void> = async () => {}) {
  await cx.goto("/stores");
  await cx.getByLabel("Name", { exact: true }).fill(store.storeName);
  await cx.getByLabel("Code").fill(store.code);
  await cx.getByLabel("City").fill(store.city);
  await cx.getByRole("button", { name: "Create store" }).click();
  await expect(cx.getByRole("status")).toContainText(`Store ${store.storeName} created`);
  await afterEach("stores");
  await cx.goto("/users");
  await cx.getByLabel("Email").fill(store.managerEmail);
  await cx.getByLabel("Name").fill(store.managerName);
  await cx.getByLabel("Role").selectOption("store_manager");
  await cx.getByLabel(store.storeName).check();
  await cx.getByRole("button", { name: "Invite" }).click();
  await expect(cx.getByRole("status")).toContainText(`${store.managerEmail} can now sign in`);
  await afterEach("users");
}

/**
 * A new store with its own store manager, and a detractor of that store who asked for a call-back: the start of the
 * store manager's walk. The CX manager and the customer act in browsers of their own.
 */
export async function newDetractorForNewStore(browser: Browser, label: string) {
  const run = `${label}-${Date.now().toString(36)}`;
  const storeName = `E2E Kiosk ${run}`;
  const managerEmail = `e2e-manager-${run}@northwind.demo`;
  const customerEmail = `e2e-customer-${run}@example.com`;
  const comment = `Nobody at the till (${run})`;
  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", `${label}-cx`);
  await setLoopSettings(cx, { holdoutPercent: 0 });
  await addStoreWithManager(cx, { storeName, code: `E2E-${run}`, city: "Gdańsk", managerEmail, managerName: "Piotr Manager" });
  await sendSurvey(cx, { email: customerEmail, name: "Dana Detractor", phone: "+48 58 555 0101", storeName });
  await cx.context().close();
  const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await openLatestMail(customer, customerEmail, "How was your visit");
  await customer.frameLocator("iframe.mail").getByRole("link", { name: "3 out of 10", exact: true }).click();
  await customer.getByLabel("What went wrong?").fill(comment);
  await customer.getByLabel("Yes, you may call me back about this").check();
  await customer.getByLabel("Phone number").fill("+48 58 555 0101");
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Thank you for your feedback");
  await customer.context().close();
  return { managerEmail, comment };
}
