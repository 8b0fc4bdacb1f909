import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support";

// The CX manager's analytics: filters kept in the URL, the comments explorer's search, and CSV downloads; and a
// store manager who sees only their own store everywhere.
test("a CX manager filters the dashboard, shares the view, searches comments and downloads the CSV", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, "cx@northwind.demo", "analytics-cx");

  await page.goto("/dashboard");
  const filters = page.getByTestId("filters");
  await filters.getByLabel("Period").selectOption("365d");
  await filters.getByLabel("Region").selectOption({ label: "North" });
  await filters.getByLabel("Channel").selectOption("store");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/period=365d/);
  await expect(page).toHaveURL(/region=c/);
  await expect(page).toHaveURL(/channel=store/);
  const stores = page.getByTestId("store-leaderboard").locator("tbody tr");
  await expect(stores).toHaveCount(4);
  await expect(page.getByTestId("kpi-nps")).toContainText(/[+-]?\d+ ±\d+/);
  // Why customers were unhappy: the root causes staff recorded on the follow-ups of the view.
  await expect(page.getByTestId("root-causes")).toContainText(/Waiting time: \d+/);
  await screenshot(page, "analytics-dashboard-filtered");

  // The address is the view: opened elsewhere it shows the same filters and figures.
  const shared = await (await browser.newContext()).newPage();
  await signIn(shared, "cx@northwind.demo", "analytics-cx-shared");
  await shared.goto(page.url());
  await expect(shared.getByTestId("filters").getByLabel("Channel")).toHaveValue("store");
  await expect(shared.getByTestId("kpi-responses").locator(".value")).toHaveText(await page.getByTestId("kpi-responses").locator(".value").innerText());

  // The comments explorer keeps the filters and searches word prefixes.
  await page.locator(".page-head").getByRole("link", { name: "Comments", exact: true }).click();
  await expect(page).toHaveURL(/\/comments\?.*channel=store/);
  await page.getByRole("search").getByLabel("Search").fill("queue");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=queue/);
  const found = page.getByTestId("comment");
  await expect(found.first()).toBeVisible();
  for (const text of await found.locator(".text").allInnerTexts()) expect(text.toLowerCase()).toContain("queue");
  await screenshot(page, "analytics-comments-search");

  await page.getByRole("search").getByLabel("Search").fill("");
  await page.getByRole("search").getByLabel("Theme").selectOption({ label: "Waiting time" });
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(found.first()).toBeVisible();
  for (const tags of await found.locator(".meta").allInnerTexts()) expect(tags).toContain("Waiting time");
  await page.getByRole("link", { name: "Older comments →" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(found.first()).toBeVisible();

  // The CSV of the current view: BOM, header, ISO dates, only store responses of the North region.
  await page.goto(page.url().replace(/&?after=[^&]*/, "").replace("/comments", "/dashboard"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export responses (CSV)" }).click()]);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = bytes.subarray(3).toString("utf8").trim().split("\n");
  expect(header).toMatch(/^response_id,responded_at,score,category,channel,store_code,store,region,/);
  expect(rows.length).toBeGreaterThan(100);
  expect(rows[0]).toMatch(/^c\w+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d+,\w+,store,NW-00[1-4],/);

  await page.goto("/themes");
  await expect(page.getByTestId("theme-table")).toContainText("Waiting time");
  await screenshot(page, "analytics-themes");

  // New keywords apply to past comments: the worker tags them again while the page shows how far it got.
  await page.locator(".theme-list").getByRole("link", { name: "Delivery", exact: true }).click();
  const english = page.getByLabel("English");
  await english.fill(`${await english.inputValue()}, arrived late`);
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Theme Delivery saved" })).toContainText("tagged again in the background");
  const delivery = page.locator(".theme-list li", { hasText: "Delivery" });
  await expect(delivery).toContainText(/waiting to tag past comments|tagging past comments|past comments tagged/);
  await expect(delivery).toContainText("past comments tagged", { timeout: 60_000 });
  await expect(page.getByTestId("retag-status")).toHaveCount(0);
  await screenshot(page, "analytics-themes-retagged");
});

test("bad or foreign filters get a message or not found, never an error page", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "cx@northwind.demo", "analytics-bad-input");

  await page.goto("/dashboard?from=2026-02-30");
  await expect(page.getByTestId("filters")).toContainText("Not a calendar date; showing the default view.");
  await page.goto("/dashboard?store=cunknownstore000000000000");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/comments?after=broken");
  await expect(page.getByText("This page link is broken")).toBeVisible();

  const badCsv = await page.request.get("/exports/responses.csv?channel=fax");
  expect(badCsv.status()).toBe(400);
  expect(await badCsv.text()).toBe("Channel is store or online");
  expect((await page.request.get("/exports/follow-ups.csv?store=cunknownstore000000000000")).status()).toBe(404);
});

test("a store manager sees and exports only their store", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, "manager.nw-003@northwind.demo", "analytics-manager");

  await page.goto("/dashboard?period=365d");
  await expect(page.getByTestId("store-leaderboard").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("store-leaderboard")).toContainText("Gdańsk");
  await screenshot(page, "analytics-manager-dashboard");

  const csv = await (await page.request.get("/exports/responses.csv?period=365d")).text();
  const rows = csv.trim().split("\n").slice(1);
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows.slice(0, 200)) expect(row).toContain(",NW-003,");
  const someoneElses = await page.request.get("/exports/responses.csv?store=cunknownstore000000000000");
  expect(someoneElses.status()).toBe(404);
});
