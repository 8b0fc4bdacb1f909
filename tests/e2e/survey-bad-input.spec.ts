import { expect, test } from "@playwright/test";
import { openLatestMail, screenshot, signIn } from "./support";

// Customers mistype, truncate and tamper with links: each gets a clear page, never an error 500.
test("broken survey links and bad answers get friendly pages with the right status", async ({ browser, request }) => {
  const unknown = await request.get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/3");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("This link is not valid");
  expect((await request.get("/s/not-even-a-token")).status()).toBe(404);

  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "bad-input-cx");
  const email = `e2e-bad-input-${Date.now().toString(36)}@example.com`;
  await cx.goto("/send");
  await cx.getByLabel("Customer email").fill("not an email");
  await cx.getByRole("button", { name: "Send survey" }).click();
  await expect(cx.getByText("Enter a valid email address")).toBeVisible();
  await screenshot(cx, "cx-send-invalid-email");
  await cx.getByLabel("Customer email").fill(email);
  await cx.getByLabel("Language").selectOption("de");
  await cx.getByRole("button", { name: "Send survey" }).click();
  await expect(cx.getByRole("status")).toContainText(`Survey sent to ${email}`);

  const customer = await (await browser.newContext()).newPage();
  await openLatestMail(customer, email, "Northwind");
  const text = await customer.locator("pre").innerText();
  const base = text.match(/(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{32})\/0/)![1];

  for (const bad of ["11", "-1", "abc", "3.5"]) {
    const response = await request.get(`${base}/${bad}`);
    expect(response.status(), `score ${bad}`).toBe(400);
    expect(await response.text()).toContain("Diese Bewertung gibt es nicht");
  }

  await customer.goto(`${base}/9`);
  await expect(customer.locator("html")).toHaveAttribute("lang", "de");
  await customer.getByRole("textbox").fill("x".repeat(2001));
  await customer.getByRole("button", { name: "Senden" }).click();
  await expect(customer.getByText("Bitte fassen Sie sich kürzer als 2000 Zeichen.")).toBeVisible();
  await expect(customer.getByRole("textbox")).toHaveValue("x".repeat(2001));
  await screenshot(customer, "customer-comment-too-long");
  const scripts = await customer.locator("script").count();
  expect(scripts, "the public survey pages ship no JavaScript").toBe(0);
});

test("a store manager of one tenant finds nothing of another tenant", async ({ browser }) => {
  const northwind = await (await browser.newContext()).newPage();
  await signIn(northwind, "manager.nw-003@northwind.demo", "northwind-manager");
  await northwind.goto("/queue");
  const href = await northwind.getByTestId("queue-item").first().getByRole("link", { name: "Open" }).getAttribute("href");
  await screenshot(northwind, "northwind-manager-queue");

  const lumen = await (await browser.newContext()).newPage();
  await signIn(lumen, "manager@lumen.demo", "lumen-manager");
  const foreign = await lumen.goto(href!);
  expect(foreign?.status()).toBe(404);
  await expect(lumen.getByRole("heading", { name: "Not found" })).toBeVisible();
  await screenshot(lumen, "lumen-manager-foreign-follow-up");
  // A page of their own tenant that their role may not open says so (403), and shows nothing of it.
  expect((await lumen.goto("/stores"))?.status()).toBe(403);
  await expect(lumen.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();
});
