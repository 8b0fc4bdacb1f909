import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { LOCALE_NAMES } from "../../lib/i18n/locales";
import { signIn } from "./support";

// The catalog's words, read as data: the runner loads spec files as plain ES modules, which cannot import JSON bare.
const scoreOutOfTen = (locale: string, score: number) =>
  (JSON.parse(readFileSync(`lib/i18n/messages/${locale}.json`, "utf8")) as { survey: { scoreOutOfTen: string } }).survey.scoreOutOfTen.replace("{score}", String(score));

let shot = 0;
async function screenshot(page: Page, name: string) {
  shot += 1;
  await page.screenshot({ path: `test-results/e2e/integrations-${String(shot).padStart(2, "0")}-${name}.png`, fullPage: true });
}

// An admin connects the shop: creates an API key (shown once), and the shop's call with it emails a survey.
test("an admin's new API key, shown once, lets the shop trigger a survey email", async ({ page }) => {
  const run = Date.now().toString(36);
  const customer = `e2e-api-${run}@example.com`;

  await signIn(page, "admin@northwind.demo", "admin");
  await page.goto("/integrations");
  await page.getByLabel("Name").fill(`Checkout ${run}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^nps_[A-Za-z0-9_-]{43}$/);
  await screenshot(page, "integrations-new-key");

  await page.reload();
  await expect(page.getByTestId("api-keys")).toContainText(`Checkout ${run}`);
  await expect(page.getByTestId("api-keys")).toContainText(key.slice(0, 12));
  await expect(page.locator("body")).not.toContainText(key);
  await screenshot(page, "integrations-keys");

  const unauthorized = await page.request.post("/api/v1/survey-sends", { data: { contact: { email: customer } } });
  expect(unauthorized.status()).toBe(401);
  const accepted = await page.request.post("/api/v1/survey-sends", {
    headers: { authorization: `Bearer ${key}`, "idempotency-key": `e2e-${run}` },
    data: { contact: { email: customer, name: "Eve Api", locale: "en", externalId: `E2E-${run}` }, storeCode: "NW-004", transactionRef: `order-${run}` },
  });
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toMatchObject({ status: "queued" });

  // The worker beside the app sends it within a second or two.
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.locator("tr", { hasText: customer }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.locator("tr", { hasText: customer }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How was your visit");
  await expect(page.frameLocator("iframe.mail").getByRole("link", { name: "10 out of 10", exact: true })).toBeVisible();
  await screenshot(page, "api-survey-email");

  await page.goto(`/contacts?q=${encodeURIComponent(customer)}`);
  await expect(page.getByTestId("contacts")).toContainText("sent");
  await screenshot(page, "contacts");

  // A shop's export: a batch of sends in one call, each answered on its own (the customer above is throttled).
  const batchCustomers = [`e2e-batch-a-${run}@example.com`, `e2e-batch-b-${run}@example.com`];
  const batch = await page.request.post("/api/v1/survey-sends/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: { sends: [...batchCustomers.map((email) => ({ contact: { email, locale: "en" }, storeCode: "NW-004" })), { contact: { email: customer } }] },
  });
  expect(batch.status()).toBe(200);
  const { results } = (await batch.json()) as { results: { status: number; send: { status: string } }[] };
  expect(results.map((result) => result.send.status)).toEqual(["queued", "queued", "throttled"]);
  for (const email of batchCustomers) {
    await expect(async () => {
      await page.goto(`/contacts?q=${encodeURIComponent(email)}`);
      await expect(page.getByTestId("contacts")).toContainText("sent", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
  await screenshot(page, "api-batch-contact");

  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: "NPS Loop API v1" })).toBeVisible();
  await screenshot(page, "api-docs");
});

test("admins add a webhook endpoint, set the sending rules, import contacts and preview a campaign", async ({ page }) => {
  const run = Date.now().toString(36);
  await signIn(page, "admin@northwind.demo", "admin2");

  await page.goto("/integrations/webhooks");
  await page.getByLabel("URL").fill(`https://crm.example.com/hooks/${run}`);
  await page.getByLabel("A follow-up was closed (followup.closed)").check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("webhook-endpoints")).toContainText(run);
  await screenshot(page, "webhooks");
  await page.getByRole("link", { name: new RegExp(run) }).click();
  await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
  await screenshot(page, "webhook-endpoint");

  await page.goto("/settings/sending");
  await page.getByLabel("Quiet hours from").fill("21:00");
  await page.getByLabel("Quiet hours until").fill("07:00");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toContainText("Sending rules saved");
  await page.getByLabel("Quiet hours from").fill("");
  await page.getByLabel("Quiet hours until").fill("");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toContainText("Sending rules saved");
  await screenshot(page, "sending-rules");

  await page.goto("/imports");
  await page.getByLabel("CSV file").setInputFiles({
    name: `crm-${run}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(`email,name,segment,city\nimp-a-${run}@example.com,Ina,vip,Leiden\nbroken-email,Bad,,\nimp-b-${run}@example.com,Ivo,vip,Leiden\n`),
  });
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByTestId("import-progress")).toContainText("Done: 3 rows · 2 new · 0 updated · 1 refused");
  await expect(page.getByTestId("import-report").first()).toContainText(`crm-${run}.csv`);
  await page.getByTestId("import-report").first().getByText("1 problem").click();
  await screenshot(page, "imports");

  await page.goto("/campaigns");
  await page.getByLabel("Name").fill(`VIP Leiden ${run}`);
  await page.getByLabel("Attribute").fill("city");
  await page.getByLabel("equals").fill("Leiden");
  await page.getByRole("button", { name: "Count and preview" }).click();
  await expect(page.getByTestId("audience-count")).toHaveText(/^\d+$/);
  await expect(page.getByTestId("campaign-preview").locator("iframe")).toHaveCount(5);
  for (const locale of ["de", "en", "fr", "nl", "pl"] as const) {
    const frame = page.frameLocator(`iframe[title="Email in ${LOCALE_NAMES[locale]}"]`);
    await expect(frame.getByRole("link", { name: scoreOutOfTen(locale, 10), exact: true })).toBeAttached();
  }
  await screenshot(page, "campaign-preview");
  await page.getByRole("button", { name: /Start campaign to/ }).click();
  await expect(page.getByTestId("campaigns")).toContainText(`VIP Leiden ${run}`);
  await expect(page.getByTestId("campaigns").locator("tr", { hasText: `VIP Leiden ${run}` })).toContainText("done", { timeout: 30_000 });
  await screenshot(page, "campaigns");
});
