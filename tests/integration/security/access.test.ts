import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ACCESS } from "@/lib/auth/access";

// ACCESS is the one statement of who may open each signed-in page and post each form action: here every page and
// every action of the app is found on disk, must be listed, and is called to see that its guard asks for the role
// the table gives (the guard is stubbed to note the role and stop). The role matrix in the browser
// (tests/e2e/role-matrix.spec.ts) then tries every role on the pages; member-route.test.ts does it for the route
// handlers.

class Guarded extends Error {
  constructor(readonly minRole: unknown) {
    super("guarded");
  }
}
vi.mock("@/lib/auth/session", () => ({
  requireMember: async (minRole?: unknown) => {
    throw new Guarded(minRole ?? "store_manager");
  },
  getSignedInUser: async () => null,
}));

const APP_DIR = path.join(process.cwd(), "app");
const SIGNED_IN_DIR = path.join(APP_DIR, "(app)");

/** Files named `name` under dir, each with its path as the router sees it ("/integrations/webhooks/[id]"). */
function filesNamed(name: RegExp, dir: string, prefix = ""): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(name, full, `${prefix}${entry.startsWith("(") ? "" : `/${entry}`}`);
    return name.test(entry) ? [{ route: prefix, file: full }] : [];
  });
}

const pages = filesNamed(/^page\.tsx$/, SIGNED_IN_DIR);
const routes = filesNamed(/^route\.tsx?$/, SIGNED_IN_DIR);
const actionFiles = filesNamed(/^actions\.ts$/, APP_DIR);

async function roleAsked(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Guarded) return error.minRole;
    throw error;
  }
  return "no guard";
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function actions(): Promise<{ name: string; file: string; action: Action }[]> {
  const found = [];
  for (const { file } of actionFiles) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, action] of Object.entries(module)) if (typeof action === "function") found.push({ name, file, action: action as Action });
  }
  return found;
}

describe("the access table", () => {
  it("lists every signed-in page, and each page's guard asks for the table's role", async () => {
    expect(pages.length).toBeGreaterThan(15);
    const answers = [];
    for (const { route, file } of pages) {
      const listed = (ACCESS as Record<string, string>)[route];
      if (!listed) {
        answers.push(`${route}: not in ACCESS (lib/auth/access.ts)`);
        continue;
      }
      const Page = ((await import(file)) as { default: (props: unknown) => unknown }).default;
      const props = { params: Promise.resolve({ id: "x", storeId: "x" }), searchParams: Promise.resolve({}) };
      const asked = await roleAsked(() => Page(props));
      if (asked !== listed) answers.push(`${route}: the guard asks for ${String(asked)}, ACCESS says ${listed}`);
    }
    expect(answers).toEqual([]);
  });

  it("lists every form action, and each action's guard asks for the table's role", async () => {
    const found = await actions();
    expect(found.length).toBeGreaterThan(30);
    const answers = [];
    for (const { name, file, action } of found) {
      const listed = (ACCESS as Record<string, string>)[name];
      if (!listed) {
        answers.push(`${path.relative(process.cwd(), file)}#${name}: not in ACCESS (lib/auth/access.ts)`);
        continue;
      }
      // Ids bound by the page come first, then the form's state and its data.
      const ids = Array.from({ length: Math.max(0, action.length - 2) }, () => "x");
      const asked = await roleAsked(() => action(...ids, { ok: false }, new FormData()));
      if (asked !== listed) answers.push(`${name}: the guard asks for ${String(asked)}, ACCESS says ${listed}`);
    }
    expect(answers).toEqual([]);
  });

  it("lists nothing else: every entry is a page, a route handler or an action of the app", async () => {
    const known = new Set([...pages.map((p) => p.route), ...routes.map((r) => r.route), ...(await actions()).map((a) => a.name)]);
    expect(Object.keys(ACCESS).filter((entry) => !known.has(entry))).toEqual([]);
    expect(routes.map((r) => r.route).filter((route) => !(route in ACCESS))).toEqual([]);
  });
});
