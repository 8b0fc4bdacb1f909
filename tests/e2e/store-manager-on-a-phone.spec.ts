import { expect, type Locator, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "./accessibility";
import { newDetractorForNewStore, screenshot, signIn } from "./support";

// Runs in the "phone" (390×844, touch) and "tablet" (820×1180, touch) projects of playwright.config.ts: the store
// manager on the shop floor, from sign-in to a closed follow-up, with nothing but a finger.

async function expectTapTarget(target: Locator) {
  const box = await target.boundingBox();
  expect(box, "the tap target is on screen").toBeTruthy();
  expect.soft(box!.height, `${await target.innerText()} is at least 44px high`).toBeGreaterThanOrEqual(44);
  expect.soft(box!.width, `${await target.innerText()} is at least 44px wide`).toBeGreaterThanOrEqual(44);
}

test("the store manager finds the new detractor, calls, notes and closes the follow-up on a touch screen", async ({ browser, page }, testInfo) => {
  const { managerEmail, comment } = await newDetractorForNewStore(browser, testInfo.project.name);
  const width = page.viewportSize()!.width;
  await signIn(page, managerEmail, `${testInfo.project.name}-manager`);

  // The navigation: a menu button on a phone, open beside the page on a tablet.
  const menu = page.locator("summary", { hasText: "Menu" });
  if (width < 761) {
    await expect(page.getByRole("link", { name: "Call-back queue" })).toBeHidden();
    await expectTapTarget(menu);
    await menu.tap();
  }
  const queueLink = page.getByRole("link", { name: "Call-back queue" });
  await expectTapTarget(queueLink);
  await screenshot(page, `${testInfo.project.name}-menu`);
  await queueLink.tap();
  await expect(page).toHaveURL(/\/queue$/);
  await expectNoHorizontalScroll(page, "the queue");

  const top = page.getByTestId("queue-open").getByTestId("queue-item").first();
  await expect(top).toContainText(comment);
  const call = top.getByRole("link", { name: /\+48 58 555 0101/ });
  await expect(call).toHaveAttribute("href", "tel:+48585550101");
  await expectTapTarget(call);
  await screenshot(page, `${testInfo.project.name}-queue`);
  const open = top.getByRole("link", { name: "Open" });
  await expectTapTarget(open);
  await open.tap();
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up" })).toBeVisible();
  await expectNoHorizontalScroll(page, "the follow-up");

  const contacted = page.getByRole("button", { name: "Mark contacted" });
  await expectTapTarget(contacted);
  await contacted.tap();
  await expect(page.getByText(/^Contacted \d/)).toBeVisible();
  await page.getByLabel("New note").fill("Called from the shop floor; she will come by on Saturday.");
  const addNote = page.getByRole("button", { name: "Add note" });
  await expectTapTarget(addNote);
  await addNote.tap();
  await expect(page.locator(".notes")).toContainText("she will come by on Saturday");
  await page.getByLabel("Outcome").selectOption("resolved");
  await page.getByLabel("Closing note (optional)").fill("Voucher handed over.");
  const close = page.getByRole("button", { name: "Close follow-up" });
  await expectTapTarget(close);
  await close.tap();
  await expect(page.getByText("Closed · Resolved")).toBeVisible();
  await expectNoHorizontalScroll(page, "the closed follow-up");
  await screenshot(page, `${testInfo.project.name}-follow-up-closed`);
});
