import { mkdirSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { screenshot } from "./support";

const STORE_MANAGER = "manager.nw-003@northwind.demo";

/** The demo's one-click sign-in, found by the hidden email rather than by the button's words (they are translated). */
async function demoSignIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.locator("form", { has: page.locator(`input[name="email"][value="${email}"]`) }).getByRole("button").click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Kept for the docs as well as under test-results/e2e/: the pages a Hamburg or Gdańsk store manager sees. */
async function keep(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

async function walkQueueFollowUpDashboard(page: Page, words: { queue: string; followUp: string; dashboard: string; ago: RegExp }, lang: string) {
  await page.goto("/queue");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.queue);
  await expect(page.getByTestId("queue-item").first()).toContainText(words.ago);
  await keep(page, `queue-${lang}`);

  await page.getByTestId("queue-open").getByTestId("queue-item").first().locator('a[href^="/queue/"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.followUp);
  await keep(page, `follow-up-${lang}`);

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.dashboard);
  await keep(page, `dashboard-${lang}`);
}

test.describe("with a German browser", () => {
  // Chromium then sends Accept-Language: de-DE.
  test.use({ locale: "de-DE" });

  test("a store manager gets the queue, a follow-up and the dashboard in German", async ({ page }) => {
    await demoSignIn(page, STORE_MANAGER);
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Rückrufliste" })).toBeVisible();
    await walkQueueFollowUpDashboard(page, { queue: "Rückrufliste", followUp: "Rückruf", dashboard: "Übersicht", ago: /Geantwortet vor \d+/ }, "de");
  });
});

test("a store manager who picks Polish on their profile gets every page in Polish, whatever the browser says", async ({ page }) => {
  await demoSignIn(page, STORE_MANAGER);
  await page.goto("/settings/profile");
  await page.getByLabel("Your language").selectOption("pl");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profil i język");
  await expect(page.getByLabel("Twój język")).toHaveValue("pl");
  try {
    await walkQueueFollowUpDashboard(page, { queue: "Lista oddzwonień", followUp: "Oddzwonienie", dashboard: "Pulpit", ago: /Odpowiedź \d+ \S+ temu/ }, "pl");
  } finally {
    // Back to following the browser, so the other specs meet this demo user in English.
    await page.goto("/settings/profile");
    await page.getByLabel("Twój język").selectOption("");
    await page.getByRole("button", { name: "Zapisz język" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile & language");
  }
});
