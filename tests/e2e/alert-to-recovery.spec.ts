import { expect, test } from "@playwright/test";
import { screenshot, sendSurvey, setLoopSettings, signIn, waitForMail } from "./support";

// The loop at full speed: a detractor's click alerts the store manager by email within seconds (the worker that
// `npm start` runs sends it), the manager works and resolves the follow-up, the re-survey goes out (delay set to
// 0 days for the test), the customer now answers 9, and the recovery shows on the follow-up and the loop report.
test("a detractor's alert, call-back, re-survey and recovery, end to end", async ({ browser }) => {
  const run = Date.now().toString(36);
  const customerEmail = `e2e-loop-${run}@example.com`;
  const managerEmail = "manager.nw-001@northwind.demo";
  const storeName = "Northwind Hamburg Altona";
  const comment = `Nobody at the service desk for 20 minutes (${run})`;

  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "loop-cx");
  await setLoopSettings(cx, { holdoutPercent: 0, resurveyAfterDays: 0 });
  await screenshot(cx, "loop-settings");
  await sendSurvey(cx, { email: customerEmail, name: "Robin Return", phone: "+49 40 555 0199", storeName });

  // The customer clicks 3 in the email and says what went wrong.
  const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await waitForMail(customer, customerEmail, "How was your visit");
  await customer.frameLocator("iframe.mail").getByRole("link", { name: "3 out of 10", exact: true }).click();
  await customer.getByLabel("What went wrong?").fill(comment);
  await customer.getByLabel("Yes, you may call me back about this").check();
  await customer.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toContainText("Thank you for your feedback");

  // The store manager's alert arrives (the worker sent it) and its link opens the follow-up.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, managerEmail, "loop-manager");
  await waitForMail(manager, managerEmail, `Detractor 3/10 · ${storeName}`);
  await expect(manager.locator("pre")).toContainText("Customer: Robin Return");
  await screenshot(manager, "alert-email");
  await manager.frameLocator("iframe.mail").getByRole("link", { name: "Open the follow-up" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Follow-up");
  await expect(manager.getByTestId("queue-item")).toContainText("Robin Return");

  // Work it: a call without answer, then reached, then resolved with a root cause.
  await manager.getByRole("button", { name: "No answer" }).click();
  await expect(manager.getByText("1 call attempt without answer so far.")).toBeVisible();
  await manager.getByRole("button", { name: "Mark contacted" }).click();
  await expect(manager.getByText(/^Contacted \d/)).toBeVisible();
  await manager.getByLabel("Outcome").selectOption("resolved");
  await manager.locator("form", { hasText: "Close follow-up" }).getByLabel("Root cause").selectOption({ label: "Waiting time" });
  await manager.getByLabel("Resolution (what was done)").fill("Apologised, refunded the service fee.");
  await manager.getByRole("button", { name: "Close follow-up" }).click();
  await expect(manager.getByTestId("queue-item").getByText("Closed · Resolved")).toBeVisible();
  await expect(manager.getByTestId("follow-up-trail")).toContainText("Call attempt, no answer");
  await expect(manager.getByTestId("follow-up-trail")).toContainText("Closed");
  await screenshot(manager, "follow-up-closed");
  const followUpUrl = manager.url();

  // The re-survey arrives (0 days after closing) and the customer now answers 9.
  await waitForMail(customer, customerEmail, "how do you feel about us today");
  await screenshot(customer, "resurvey-email");
  await customer.frameLocator("iframe.mail").getByRole("link", { name: "9 out of 10", exact: true }).click();
  await expect(customer.getByText("Your score: 9")).toBeVisible();

  // Recovery shows on the follow-up and on the loop report.
  await manager.goto(followUpUrl);
  await expect(manager.getByTestId("recovery")).toContainText("Answered 9 (was 3): recovered, now a promoter");
  await screenshot(manager, "follow-up-recovered");
  await cx.goto("/experiments");
  await expect(cx.getByTestId("recovery-summary")).toContainText(/\d+ of \d+/);
  await expect(cx.getByTestId("recovery-summary")).not.toContainText("No re-survey answered yet");
  await screenshot(cx, "loop-results");
});
