import { expect, test } from "@playwright/test";
import { addStoreWithManager, kpi, openLatestMail, screenshot, sendSurvey, setLoopSettings, signIn } from "./support";

// The whole loop as the three people live it: a customer scores 3, the store manager calls back and resolves,
// the CX manager sees the figures move.
test("a detractor's click reaches the store's queue, is resolved, and moves the dashboard", async ({ browser }) => {
  const run = Date.now().toString(36);
  const storeName = `E2E Kiosk ${run}`;
  const managerEmail = `e2e-manager-${run}@northwind.demo`;
  const customerEmail = `e2e-customer-${run}@example.com`;
  const comment = `The queue at the till took 25 minutes (${run})`;

  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "cx");
  await setLoopSettings(cx, { holdoutPercent: 0 });
  await cx.goto("/dashboard");
  await screenshot(cx, "cx-dashboard-before");
  const responsesBefore = await kpi(cx, "kpi-responses");
  const detractorsBefore = await kpi(cx, "kpi-detractors");

  await addStoreWithManager(cx, { storeName, code: `E2E-${run}`, city: "Utrecht", managerEmail, managerName: "Erin Manager" }, (step) =>
    screenshot(cx, `cx-${step}`),
  );

  await sendSurvey(cx, { email: customerEmail, name: "Dana Detractor", phone: "+31 20 555 0101", storeName });
  await screenshot(cx, "cx-send");

  // The customer, in a browser of their own, opens the email and clicks 3.
  const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await openLatestMail(customer, customerEmail, "How was your visit");
  await screenshot(customer, "customer-survey-email");
  await customer.frameLocator("iframe.mail").getByRole("link", { name: "3 out of 10", exact: true }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("What went wrong?");
  await screenshot(customer, "customer-detractor-landing");
  await customer.getByLabel("What went wrong?").fill(comment);
  await customer.getByLabel("Yes, you may call me back about this").check();
  await customer.getByLabel("Phone number").fill("+31 20 555 0101");
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Thank you for your feedback");
  await screenshot(customer, "customer-thanks");

  // The store manager signs in and finds the customer on top of the queue.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, managerEmail, "manager");
  await manager.goto("/queue");
  const top = manager.getByTestId("queue-open").getByTestId("queue-item").first();
  await expect(top).toContainText(comment);
  await expect(top).toContainText("Dana Detractor");
  await expect(top.getByRole("link", { name: /\+31 20 555 0101/ })).toHaveAttribute("href", "tel:+31205550101");
  await expect(top).toContainText("Asked for a call-back");
  await screenshot(manager, "manager-queue");
  await top.getByRole("link", { name: "Open" }).click();
  await manager.getByRole("button", { name: "Mark contacted" }).click();
  await expect(manager.getByText(/^Contacted \d/)).toBeVisible();
  await manager.getByLabel("Outcome").selectOption("resolved");
  await manager.getByLabel("Closing note (optional)").fill("Called back, apologised, voucher sent.");
  await manager.getByRole("button", { name: "Close follow-up" }).click();
  await expect(manager.getByText("Closed · Resolved")).toBeVisible();
  await screenshot(manager, "manager-follow-up-closed");
  await manager.goto("/queue");
  await expect(manager.getByTestId("queue-open")).not.toContainText(comment);
  await screenshot(manager, "manager-queue-after");

  // The CX manager sees one more response, and it is a detractor.
  await cx.goto("/dashboard");
  expect(await kpi(cx, "kpi-responses")).toBe(responsesBefore + 1);
  expect(await kpi(cx, "kpi-detractors")).toBe(detractorsBefore + 1);
  // One response is too few for an NPS: the store's row says so instead of showing -100.
  await expect(
    cx.getByTestId("store-leaderboard").getByRole("row", { name: new RegExp(storeName) }),
  ).toContainText("too few responses");
  await screenshot(cx, "cx-dashboard-after");
});
