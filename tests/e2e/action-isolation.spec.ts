import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support";

// Every server action, called over HTTP by tenant A's people with tenant B's ids (read, change, delete), is "not
// found" and changes nothing in B. The attack is the simplest there is: B's admin opens B's pages, every form on
// them is taken as it is (action, ids bound into it, B's ids in its fields) and A's admin and CX manager post it as
// themselves. The actions come from the app: the exports of app/**/actions.ts, and the test fails if one that takes
// an id never showed up in a form of B's pages.

const APP_DIR = path.join(process.cwd(), "app");
// Our ids: cuids, and pg-boss's job ids (UUIDs).
const ID = /^(c[a-z0-9]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function actionFiles(dir = APP_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? actionFiles(full) : entry === "actions.ts" ? [full] : [];
  });
}

/** Exported actions whose first parameter is an id bound by the page (`markContactedAction(followUpId, …)`). */
function actionsTakingAnId(): string[] {
  return actionFiles().flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/export async function (\w+)\((\w+): string/g)].map((m) => `${path.relative(process.cwd(), file)}#${m[1]}`),
  );
}

type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
const manifest = () => JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;

/** Action id → "file#export", from the build's manifest of server references. */
function actionNames(): Map<string, string> {
  return new Map(Object.entries(manifest().node).map(([id, ref]) => [id, `${ref.filename}#${ref.exportedName}`]));
}

/** URL patterns of the pages that serve an action (Next runs an action posted to one of them). */
function pagesServing(actionId: string): RegExp[] {
  return Object.keys(manifest().node[actionId]?.workers ?? {}).map((worker) => {
    const route = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "");
    return new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
  });
}

type CapturedForm = { page: string; fields: [string, string][] };

/** Every form on the page as the browser would post it, with empty inputs filled so that only an id can fail. */
async function formsOn(page: Page): Promise<CapturedForm[]> {
  const fields = await page.evaluate(() =>
    [...document.querySelectorAll("form")].map((form) => {
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
        if (input.value !== "" || input.type === "hidden" || input.type === "checkbox" || input.type === "radio") continue;
        const name = input.getAttribute("name") ?? "";
        input.value = input.type === "email" ? "hijack@example.test"
          : input.type === "url" || /url$/i.test(name) ? "https://hijack.example.test/x"
          : input.type === "number" ? input.getAttribute("min") ?? "1"
          : input.type === "time" ? (/close/i.test(name) ? "18:00" : "09:00")
          : /phone/i.test(name) ? "+49 30 1234567"
          : "Hijacked";
      }
      for (const select of form.querySelectorAll("select")) {
        if (select.value === "") select.value = [...select.options].find((o) => o.value !== "")?.value ?? "";
      }
      return [...new FormData(form).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
    }),
  );
  return fields.map((f) => ({ page: new URL(page.url()).pathname, fields: f }));
}

/** The action a captured form posts to, as "file#export", and the ids that travel in it (bound or in fields). */
function describeForm(form: CapturedForm, names: Map<string, string>) {
  const bound = form.fields.filter(([name]) => /^\$ACTION_\d+:[1-9]\d*$/.test(name)).flatMap(([, value]) => {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [parsed];
  });
  const values = [...bound, ...form.fields.filter(([name]) => !name.startsWith("$ACTION")).map(([, value]) => value)];
  const ref = form.fields.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  const actionId = form.fields.find(([name]) => name.startsWith("$ACTION_ID_"))?.[0].slice("$ACTION_ID_".length)
    ?? (ref ? (JSON.parse(ref[1]) as { id: string }).id : undefined);
  return { action: actionId ? names.get(actionId) : undefined, ids: values.filter((v): v is string => typeof v === "string" && ID.test(v)) };
}

async function post(request: APIRequestContext, form: CapturedForm, origin: string) {
  const multipart: Record<string, string> = {};
  const response = await request.fetch(form.page, {
    method: "POST",
    headers: { origin },
    multipart: Object.assign(multipart, Object.fromEntries(form.fields)),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

// B's pages with forms, and one follow-up (its page carries most of the actions that take an id).
const B_PAGES = ["/queue", "/stores", "/users", "/survey", "/loop", "/themes", "/integrations", "/integrations/webhooks", "/jobs", "/privacy", "/campaigns", "/send", "/settings/sending", "/contacts"];

test("tenant B's forms posted by tenant A's admin and CX manager are 'not found', and B's pages do not change", async ({ browser, baseURL }) => {
  const names = actionNames();
  const b = await (await browser.newContext()).newPage();
  await signIn(b, "admin@lumen.demo", "actions-lumen-admin");
  // B owns one of everything a form can name; the demo seed has no API key and no webhook endpoint, so add them.
  await b.goto("/integrations");
  await b.getByLabel("Name").fill("Checkout");
  await b.getByRole("button", { name: "Create key" }).click();
  await expect(b.getByRole("button", { name: "Revoke" }).first()).toBeVisible();
  await b.goto("/integrations/webhooks");
  await b.getByLabel("URL").fill("https://crm.lumen.example/hooks/actions");
  await b.getByLabel("A follow-up was closed (followup.closed)").check();
  await b.getByRole("button", { name: "Add endpoint" }).click();
  await expect(b.getByTestId("webhook-endpoints")).toContainText("crm.lumen.example");
  const firstLink = async (url: string, prefix: string) => {
    await b.goto(url);
    return (await b.locator(`a[href^='${prefix}']`).first().getAttribute("href"))!;
  };
  const pages = [...B_PAGES, await firstLink("/queue", "/queue/"), await firstLink("/integrations/webhooks", "/integrations/webhooks/")];
  const forms: CapturedForm[] = [];
  for (const url of pages) {
    await b.goto(url);
    forms.push(...(await formsOn(b)));
  }
  const snapshot = async () => {
    const texts: Record<string, string> = {};
    for (const url of pages) {
      await b.goto(url);
      // The page's text without its charts, which draw themselves a moment after the page loads.
      texts[url] = await b.locator("main").evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("svg, .recharts-wrapper, .recharts-responsive-container").forEach((chart) => {
          chart.remove();
        });
        return copy.textContent ?? "";
      });
    }
    return texts;
  };
  const before = await snapshot();

  // B's forms that carry B's ids, at most three per action (the contact list has an erase form per contact).
  const perAction = new Map<string, CapturedForm[]>();
  for (const form of forms) {
    const { action, ids } = describeForm(form, names);
    if (!action || ids.length === 0) continue;
    perAction.set(action, [...(perAction.get(action) ?? []), form].slice(0, 3));
  }
  // An action whose form B's pages show only in a state the demo lacks (a failed job, an endpoint switched off):
  // forged from a bound form of B's, with every id seen on B's pages bound to it.
  // The template is a form of an action without a bound id: its bound list is just the form's state.
  const template = forms.find((form) => describeForm(form, names).action?.endsWith("#createStoreAction"))!;
  const idOf = new Map([...names].map(([id, name]) => [name, id]));
  const bIds = [...new Set(forms.flatMap((form) => describeForm(form, names).ids))];
  const notOffered = actionsTakingAnId().filter((action) => !perAction.has(action));
  for (const action of notOffered) {
    expect(idOf.has(action), `${action} is in the build's server references`).toBe(true);
    const served = pagesServing(idOf.get(action)!);
    const page = pages.find((url) => served.some((pattern) => pattern.test(url)));
    expect(page, `a page of B's that serves ${action}`).toBeTruthy();
    perAction.set(action, bIds.map((id) => ({
      page: page!,
      fields: template.fields.map(([name, value]): [string, string] =>
        /^\$ACTION_\d+:0$/.test(name) ? [name, JSON.stringify({ ...JSON.parse(value), id: idOf.get(action) })]
        : /^\$ACTION_\d+:1$/.test(name) ? [name, JSON.stringify([id, ...JSON.parse(value)])] : [name, value]),
    })));
  }
  console.log(`${perAction.size} actions posted with B's ids; forged for ${notOffered.join(", ") || "none"}`);
  expect(notOffered.length, "most actions are offered by B's own pages").toBeLessThanOrEqual(3);

  for (const email of ["admin@northwind.demo", "cx@northwind.demo"]) {
    const a = await (await browser.newContext()).newPage();
    await signIn(a, email, `actions-${email.split("@")[0]}`);
    const answers: string[] = [];
    for (const [action, posts] of perAction) {
      for (const form of posts) answers.push(`${action} from ${form.page}: ${(await post(a.request, form, baseURL!)).status}`);
    }
    expect(answers.length).toBeGreaterThanOrEqual(perAction.size);
    expect(answers.filter((answer) => !answer.endsWith(": 404")), `${email}: answers other than 404`).toEqual([]);
  }
  expect(await snapshot()).toEqual(before);
});

test("a server action posted from another site is refused and changes nothing", async ({ browser, baseURL }) => {
  const names = actionNames();
  const a = await (await browser.newContext()).newPage();
  await signIn(a, "cx@northwind.demo", "actions-csrf-cx");
  await a.goto("/stores");
  const regionForm = (await formsOn(a)).find((form) => describeForm(form, names).action?.endsWith("#createRegionAction"))!;
  expect(regionForm, "the stores page offers the new-region form").toBeTruthy();
  const name = `Forged ${Date.now()}`;
  const forged = { ...regionForm, fields: regionForm.fields.map(([field, value]): [string, string] => [field, field === "name" ? name : value]) };

  const answer = await post(a.request, forged, "https://attacker.example");
  expect(answer.status).toBeGreaterThanOrEqual(400);
  await a.goto("/stores");
  await expect(a.locator("main")).not.toContainText(name);
  // The same post from the app's own origin goes through: the refusal was the origin check.
  expect((await post(a.request, forged, baseURL!)).status).toBe(200);
  await a.goto("/stores");
  await expect(a.locator("main")).toContainText(name);

  // The CSV upload, the one route handler a signed-in person posts to, checks the Origin too.
  const upload = await a.request.post("/imports/upload", {
    headers: { origin: "https://attacker.example", "content-type": "text/csv", "x-file-name": "forged.csv" },
    data: "email\nforged-upload@example.test\n",
  });
  expect(upload.status()).toBe(403);
  // The session cookie is out of reach of scripts and of other sites' posts (Secure too, under an https APP_URL).
  const session = (await a.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
