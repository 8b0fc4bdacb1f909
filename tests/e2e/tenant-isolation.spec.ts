import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ACCESS } from "../../lib/auth/access";
import { screenshot, signIn } from "./support";

// Every signed-in page that shows one thing (a follow-up, a store, …) is reached by the other tenant's people only
// as "not found", or, for a page their role may not open at all, as "you don't have access to this": that answer
// comes before any id is read, so it is the same for a made-up id and tells nothing. The routes come from the app itself: a new page under app/(app) with an id in its path is
// covered without editing this test, and the test fails if it cannot reach one.

const APP_DIR = path.join(process.cwd(), "app", "(app)");

/** Route patterns like /queue/[id] for every signed-in page with a dynamic segment. */
function dynamicPageRoutes(dir = APP_DIR, prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (!statSync(full).isDirectory()) continue;
    const segment = entry.startsWith("(") ? "" : `/${entry}`;
    const route = `${prefix}${segment}`;
    if (route.includes("[") && readdirSync(full).some((file) => /^page\.(t|j)sx?$/.test(file))) routes.push(route);
    routes.push(...dynamicPageRoutes(full, route));
  }
  return routes;
}

function routeOf(url: string, routes: string[]): string | undefined {
  return routes.find((route) => {
    const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    return pattern.test(url);
  });
}

/** Every same-origin link a person can reach from the dashboard, breadth first. */
async function crawl(page: Page, start: string[], limit = 150): Promise<Set<string>> {
  const seen = new Set<string>(start);
  const queue = [...start];
  while (queue.length > 0 && seen.size < limit) {
    const url = queue.shift()!;
    await page.goto(url);
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    for (const href of hrefs) {
      const pathOnly = href.split(/[?#]/)[0];
      // Public survey pages, the demo outbox, the API, tracking redirects and downloads are not pages of a tenant.
      if (/^\/(outbox|s|api|r)\//.test(`${pathOnly}/`) || /\.(csv|json)$|\/export$/.test(pathOnly)) continue;
      if (!seen.has(pathOnly)) {
        seen.add(pathOnly);
        queue.push(pathOnly);
      }
    }
  }
  return seen;
}

test("every page with an id of tenant B is 'not found' for tenant A's CX manager and admin", async ({ browser }) => {
  // Every page with an id, twice per role and once more with a made-up id: minutes on a busy box.
  test.setTimeout(300_000);
  const routes = dynamicPageRoutes();
  const lumenAdmin = await (await browser.newContext()).newPage();
  await signIn(lumenAdmin, "admin@lumen.demo", "isolation-lumen-admin");
  // Tenant B owns one of everything a page can show by id; the demo seed has no webhook endpoint, so add one.
  await lumenAdmin.goto("/integrations/webhooks");
  await lumenAdmin.getByLabel("URL").fill("https://crm.lumen.example/hooks/nps");
  await lumenAdmin.getByLabel("A follow-up was closed (followup.closed)").check();
  await lumenAdmin.getByRole("button", { name: "Add endpoint" }).click();
  await expect(lumenAdmin.getByTestId("webhook-endpoints")).toContainText("crm.lumen.example");
  const reached = [...(await crawl(lumenAdmin, ["/dashboard"]))];
  const foreignUrls = reached.filter((url) => routeOf(url, routes));
  const covered = new Set(foreignUrls.map((url) => routeOf(url, routes)));
  expect(routes.filter((route) => !covered.has(route)), "pages with ids the crawl of tenant B never reached").toEqual([]);

  for (const [email, role] of [["cx@northwind.demo", "cx_manager"], ["admin@northwind.demo", "admin"]] as const) {
    const northwind = await (await browser.newContext()).newPage();
    await signIn(northwind, email, `isolation-${email.split("@")[0]}`);
    for (const url of foreignUrls) {
      const minRole = (ACCESS as Record<string, string>)[routeOf(url, routes)!];
      const allowed = role === "admin" || minRole !== "admin";
      const response = await northwind.goto(url);
      expect(response?.status(), `${email} opening ${url}`).toBe(allowed ? 404 : 403);
      await expect(northwind.getByRole("heading", { name: allowed ? "Not found" : "You don't have access to this" })).toBeVisible();
      if (!allowed) expect((await northwind.goto(url.replace(/[^/]+$/, "cmadeup000000000000000000")))?.status(), `${email} opening a made-up id`).toBe(403);
    }
    await screenshot(northwind, `isolation-${email.split("@")[0]}-last-foreign-page`);
  }
});

test("a store manager opens nothing by URL that their own navigation does not offer", async ({ browser }) => {
  // Two crawls of up to 80 pages each.
  test.setTimeout(300_000);
  const cx = await (await browser.newContext()).newPage();
  await signIn(cx, "cx@northwind.demo", "roles-cx");
  const everything = await crawl(cx, ["/dashboard"], 80);

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, "manager.nw-001@northwind.demo", "roles-manager");
  const own = await crawl(manager, ["/dashboard"], 80);
  const forbidden = [...everything].filter((url) => !own.has(url));
  expect(forbidden, "the CX manager reaches pages the store manager does not").not.toEqual([]);
  // A page for another role says so (403) whatever its id; another store's page is "not found".
  const pages = Object.keys(ACCESS).filter((entry) => entry.startsWith("/"));
  for (const url of forbidden) {
    const route = routeOf(url, pages)!;
    const response = await manager.goto(url);
    expect(response?.status(), `store manager opening ${url}`).toBe((ACCESS as Record<string, string>)[route] === "store_manager" ? 404 : 403);
  }
  await manager.goto("/dashboard");
  await expect(manager.locator("main")).toContainText("Northwind Hamburg Altona");
  await expect(manager.locator("main")).not.toContainText("Northwind Paris Bastille");
  await screenshot(manager, "roles-manager-dashboard");
});
