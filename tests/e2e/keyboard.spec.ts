import { expect, type Page, test } from "@playwright/test";
import { expectVisibleFocus } from "./accessibility";
import { newDetractorForNewStore, openLatestMail, signIn, surveyNewCustomer } from "./support";

// Keyboard only: every step by Tab, Space and Enter, each focused control showing its focus, in the order read.

async function tabTo(page: Page, matches: (element: { tag: string; name: string; type: string }) => boolean, maxTabs = 60) {
  for (let tabs = 0; tabs < maxTabs; tabs++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { tag: element.tagName.toLowerCase(), name: (element.getAttribute("aria-label") ?? element.innerText ?? "").trim(), type: element.getAttribute("type") ?? element.getAttribute("name") ?? "" };
    });
    if (matches(focused)) {
      await expectVisibleFocus(page);
      return tabs + 1;
    }
  }
  throw new Error("the control was not reached by Tab");
}

async function focusedName(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.tagName.toLowerCase());
}

test("the customer answers, comments, consents and sends with the keyboard alone", async ({ browser }) => {
  const email = `e2e-keys-${Date.now().toString(36)}@example.com`;
  await surveyNewCustomer(browser, email, "keys-cx");

  const customer = await (await browser.newContext()).newPage();
  await openLatestMail(customer, email, "How was your visit");
  const href = await customer.frameLocator("iframe.mail").getByRole("link", { name: "4 out of 10", exact: true }).getAttribute("href");
  await customer.goto(href!);
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("What went wrong?");

  // The order read: the comment, the consent, the phone, Send.
  await tabTo(customer, (element) => element.tag === "textarea");
  await customer.keyboard.type("Shelves empty at 18:00.");
  await customer.keyboard.press("Tab");
  expect(await focusedName(customer)).toBe("callbackConsent");
  await expectVisibleFocus(customer);
  await customer.keyboard.press("Space");
  await customer.keyboard.press("Tab");
  expect(await focusedName(customer)).toBe("callbackPhone");
  await expectVisibleFocus(customer);
  await customer.keyboard.type("+33 1 55 55 01 01");
  await customer.keyboard.press("Tab");
  expect(await customer.evaluate(() => (document.activeElement as HTMLButtonElement).type)).toBe("submit");
  await expectVisibleFocus(customer);
  await customer.keyboard.press("Enter");
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Thank you for your feedback");
});

test("the store manager goes from the queue to a follow-up and closes it with the keyboard alone", async ({ browser }) => {
  const { managerEmail, comment } = await newDetractorForNewStore(browser, "keys");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, managerEmail, "keys-manager");
  await page.goto("/queue");
  await expect(page.getByTestId("queue-item").first()).toContainText(comment);

  // The skip link comes first, so the navigation need not be walked through on every page.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await tabTo(page, (element) => element.tag === "a" && element.name === "Open");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();

  await tabTo(page, (element) => element.tag === "select" && element.type === "outcome");
  await page.keyboard.type("Resolved");
  await tabTo(page, (element) => element.tag === "textarea" && element.type === "body");
  await page.keyboard.type("Called back; resolved on the phone.");
  await tabTo(page, (element) => element.tag === "button" && element.name === "Close follow-up");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Closed · Resolved")).toBeVisible();
});

test("on a phone the menu opens and leads to the queue with the keyboard alone", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, "manager.nw-001@northwind.demo", "keys-phone-manager");
  await expect(page.getByRole("link", { name: "Call-back queue" })).toBeHidden();
  await tabTo(page, (element) => element.tag === "summary");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Call-back queue" })).toBeVisible();
  await tabTo(page, (element) => element.tag === "a" && element.name === "Call-back queue");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/queue$/);
});
