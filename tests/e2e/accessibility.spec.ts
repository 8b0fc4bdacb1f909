import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LOCALES } from "../../lib/i18n/locales";
import { expectNoAxeViolations, expectNoHorizontalScroll, WCAG_21_AA } from "./accessibility";
import { DEMO_PEOPLE, RANK, staffPages } from "./staff-pages";
import { openLatestMail, signIn } from "./support";

// WCAG 2.1 AA, checked by axe on every page a customer or a member of staff can meet.

const SCORE_OF = { detractor: 3, passive: 7, promoter: 9 } as const;

test("every survey page, in every language and for every category, has no WCAG 2.1 AA violation", async ({ browser }) => {
  // Fifteen surveys sent and answered, and axe on each page they lead to: minutes, not the default two.
  test.setTimeout(600_000);
  const run = Date.now().toString(36);
  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "axe-cx");
  // One survey per language and category: a link clicked with three scores in a row would be asked which one it meant.
  const sends = LOCALES.flatMap((locale) => Object.keys(SCORE_OF).map((category) => ({ locale, category: category as keyof typeof SCORE_OF, email: `axe-${locale}-${category}-${run}@example.com` })));
  for (const send of sends) {
    await cx.goto("/send");
    await cx.getByLabel("Customer email").fill(send.email);
    await cx.getByLabel("Language").selectOption(send.locale);
    await cx.getByRole("button", { name: "Send survey" }).click();
    await expect(cx.getByRole("status")).toContainText(`Survey sent to ${send.email}`);
  }

  const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  for (const send of sends) {
    await openLatestMail(customer, send.email, "");
    const text = await customer.locator("pre").innerText();
    const links = [...text.matchAll(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]{32}\/\d+/g)].map((m) => m[0]);
    expect(links).toHaveLength(11);
    const landing = links[0].replace(/\/0$/, "");
    if (send.category === "detractor") {
      await customer.goto(landing);
      await expectNoAxeViolations(customer, `survey choose-a-score page (${send.locale})`);
    }
    await customer.goto(links[SCORE_OF[send.category]]);
    await expect(customer.locator("textarea")).toBeVisible();
    await expectNoAxeViolations(customer, `survey ${send.category} page (${send.locale})`);
    await expectNoHorizontalScroll(customer, `survey ${send.category} page (${send.locale})`);
    if (send.category !== "detractor") continue;
    await customer.locator("textarea").fill("Accessible enough?");
    await customer.locator("button[type=submit]").first().click();
    await expectNoAxeViolations(customer, `survey thank-you page (${send.locale})`);
    await customer.goto(`${landing}/unsubscribe`);
    await expectNoAxeViolations(customer, `unsubscribe page (${send.locale})`);
    await customer.locator("button[type=submit]").click();
    await expectNoAxeViolations(customer, `unsubscribed page (${send.locale})`);
    await customer.goto(`${landing}/11`);
    await expectNoAxeViolations(customer, `bad score page (${send.locale})`);
  }
  await customer.goto(`/s/${"x".repeat(32)}`);
  await expectNoAxeViolations(customer, "invalid link page");
});

for (const [role, email] of DEMO_PEOPLE) {
  test(`every staff page a ${role} opens has no WCAG 2.1 AA violation and no horizontal scrolling at 390px`, async ({ browser }) => {
    test.setTimeout(600_000);
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email, `axe-${role}`);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await page.context().storageState() });
    const phonePage = await phone.newPage();
    const routes = staffPages().filter(({ minRole }) => RANK[role] >= RANK[minRole]).map(({ route }) => route);
    // The pages with an id in their path, reached as a person would: from the queue and the digests.
    await page.goto("/queue");
    const followUp = await page.getByTestId("queue-item").getByRole("link", { name: "Open" }).first().getAttribute("href");
    if (followUp) routes.push(followUp);
    await page.goto("/digest");
    const digest = await page.locator('main a[href^="/digest/"]').first().getAttribute("href");
    if (digest) routes.push(digest);
    for (const route of routes) {
      await page.goto(route);
      await expectNoAxeViolations(page, `${route} as ${role}`);
      await phonePage.goto(route);
      await expectNoHorizontalScroll(phonePage, `${route} as ${role}`);
      await expectNoAxeViolations(phonePage, `${route} as ${role} on a phone`);
    }
  });
}

test("the sign-in page has no WCAG 2.1 AA violation", async ({ page }) => {
  await page.goto("/signin");
  await expectNoAxeViolations(page, "/signin");
});

test("the axe check fails a page with a violation (so that a pass means something)", async ({ page }) => {
  await page.setContent('<html><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#aaa;background:#fff">faint</p></main></body></html>');
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(["html-has-lang", "image-alt", "color-contrast"]));
});

test("every chart has a name and its figures as a table a screen reader can read", async ({ page }) => {
  await signIn(page, "cx@northwind.demo", "axe-charts");
  for (const route of ["/dashboard", "/themes"]) {
    await page.goto(route);
    const charts = page.locator("figure.chart");
    expect(await charts.count(), `${route} has charts`).toBeGreaterThan(0);
    for (const chart of await charts.all()) {
      const name = await chart.locator(":scope > [role=img]").getAttribute("aria-label");
      expect(name).toBeTruthy();
      await chart.getByText("Show the figures as a table").click();
      const table = chart.getByRole("table", { name: name! });
      await expect(table).toBeVisible();
      expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    }
  }
});
