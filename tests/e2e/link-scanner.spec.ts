import { expect, test } from "@playwright/test";
import { openLatestMail, screenshot, surveyNewCustomer } from "./support";

// A corporate mail gateway opens all eleven links of the survey email before the customer reads it.
test("a mail scanner opening every score link records nothing; the customer's own click then counts", async ({ browser, playwright }) => {
  const email = `e2e-scanned-${Date.now().toString(36)}@example.com`;
  await surveyNewCustomer(browser, email, "scanner-cx");

  const customer = await (await browser.newContext()).newPage();
  await openLatestMail(customer, email, "How was your visit");
  const links = [...(await customer.locator("pre").innerText()).matchAll(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]{32}\/\d+/g)].map((m) => m[0]);
  expect(links).toHaveLength(11);

  const scanner = await playwright.request.newContext({ userAgent: "Mozilla/5.0 (compatible; Barracuda Sentinel URL Scanner)" });
  await Promise.all(links.map((link) => scanner.get(link, { maxRedirects: 0 })));
  const landing = links[0].replace(/\/0$/, "");
  await customer.goto(landing);
  await expect(customer.locator(".scale a")).toHaveCount(11);
  await expect(customer.getByText("Your score")).toHaveCount(0);
  await screenshot(customer, "scanner-nothing-recorded");

  // The customer reads the mail later than the gateway scanned it (clicks within 20 s of a burst are asked which
  // score they meant).
  await customer.waitForTimeout(21_000);
  await openLatestMail(customer, email, "How was your visit");
  await customer.frameLocator("iframe.mail").getByRole("link", { name: "8 out of 10", exact: true }).click();
  await expect(customer.getByText("Your score: 8")).toBeVisible();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("What would make it a 10?");
  await screenshot(customer, "scanner-customer-click-counts");
});
