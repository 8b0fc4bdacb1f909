import { expect, test } from "@playwright/test";
import { openLatestMail, screenshot, sendSurvey, signIn } from "./support";

// A data-protection request walked as an admin would: find the customer, open their page, export, erase; and the
// one-click unsubscribe as a mailbox provider sends it, through the running app.

test("an admin opens a contact's page from the list, exports their data and erases them", async ({ page, browser }) => {
  const customer = `privacy-${Date.now()}@customer.example`;
  await signIn(page, "admin@northwind.demo", "privacy-admin");
  await sendSurvey(page, { email: customer, name: "Pia Privacy", phone: "+31 20 555 0199", storeName: "Northwind Amsterdam Zuid" });

  // The survey email in the demo outbox shows its headers, the one-click unsubscribe among them.
  await openLatestMail(page, customer, "How was your visit");
  const headers = page.getByTestId("mail-headers");
  await expect(headers).toContainText("List-Unsubscribe: <http");
  await expect(headers).toContainText("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  await screenshot(page, "privacy-outbox-headers");

  await page.goto(`/contacts?q=${encodeURIComponent(customer)}`);
  await page.getByTestId("contacts").getByRole("link", { name: "Pia Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pia Privacy");
  await expect(page.getByTestId("contact-consent")).toContainText("Sent (may be surveyed)");
  await expect(page.getByTestId("contact-surveys")).toContainText("Northwind Amsterdam Zuid");
  await screenshot(page, "privacy-contact-page");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);

  await page.getByText("Erase", { exact: true }).click();
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByTestId("contact-consent")).toContainText("Not sent to this contact");
  await page.reload();
  await expect(page.getByTestId("contact-consent")).toContainText("Erased");
  await expect(page.getByRole("button", { name: "Export data" })).toHaveCount(0);
  await screenshot(page, "privacy-contact-erased");

  // A CX manager sees the page, without the data-request buttons.
  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "privacy-cx");
  await cx.goto(`/contacts?q=${encodeURIComponent("erased-")}`);
  await cx.getByTestId("contacts").locator("a[href^='/contacts/']").first().click();
  await expect(cx.getByTestId("contact-consent")).toBeVisible();
  await expect(cx.getByTestId("contact-data-request")).toHaveCount(0);
});

test("RFC 8058: the one-click unsubscribe POST from Gmail's origin is accepted by the running app", async ({ page }) => {
  const customer = `one-click-${Date.now()}@customer.example`;
  await signIn(page, "cx@northwind.demo", "one-click-cx");
  await sendSurvey(page, { email: customer, name: "Olga One-Click", phone: "+31 20 555 0198", storeName: "Northwind Amsterdam Zuid" });
  await openLatestMail(page, customer, "How was your visit");
  const header = await page.getByTestId("mail-headers").textContent();
  const url = header!.match(/List-Unsubscribe: <([^>]+)>/)![1]!;

  const response = await page.request.post(url, {
    headers: { origin: "https://mail.google.com", "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);

  await page.goto(`/contacts?q=${encodeURIComponent(customer)}`);
  await expect(page.getByTestId("contacts")).toContainText("unsubscribed");
});
