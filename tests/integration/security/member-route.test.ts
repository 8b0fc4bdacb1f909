import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACCESS } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Member } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { routeParams } from "../survey-pages/survey-requests";
import { tenantRows } from "../tenancy/tenant-rows";

// Every signed-in route handler (downloads, the CSV upload) is built with memberRoute, found in the app's own route
// files: each role is tried on each (the least role from ACCESS), signed out too, with a post from another site and
// with another tenant's id.

let signedIn: { id: string; email: string } | null = null;
vi.mock("@/lib/auth/session", () => ({ getSignedInUser: async () => signedIn }));

const SIGNED_IN_DIR = path.join(process.cwd(), "app", "(app)");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const RANK: Record<Role, number> = { store_manager: 0, cx_manager: 1, admin: 2 };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { path: string; file: string; method: (typeof METHODS)[number]; minRole: Role };

/** The route handlers under app/(app), as "/contacts/[id]/export", with their least role in ACCESS. */
function signedInRoutes(dir = SIGNED_IN_DIR, prefix = ""): Route[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return signedInRoutes(full, `${prefix}${entry.startsWith("(") ? "" : `/${entry}`}`);
    if (!/^route\.tsx?$/.test(entry)) return [];
    const source = readFileSync(full, "utf8");
    return METHODS.filter((method) => new RegExp(`export (?:async function|const) ${method}\\b`).test(source)).map((method) => {
      expect(source, `${prefix} ${method} is built with memberRoute`).toContain(`export const ${method} = memberRoute(ACCESS["${prefix}"]`);
      const minRole = (ACCESS as Record<string, Role>)[prefix];
      expect(minRole, `${prefix} is in ACCESS`).toBeTruthy();
      return { path: prefix, file: full, method, minRole };
    });
  });
}

const routes = signedInRoutes();
const people = {} as Record<Role, Member>;
let contactId: string;
let foreignContactId: string;
let organizationId: string;

function requestFor(route: Route, origin = "http://localhost:3000") {
  const url = `http://localhost:3000${route.path.replace("[id]", contactId)}?period=all`;
  if (route.method === "GET") return new Request(url);
  const headers = { origin, "content-type": "text/csv", "x-file-name": "route.csv" };
  return new Request(url, { method: route.method, headers, body: `email\nroute-${Math.random()}@example.test\n`, duplex: "half" } as RequestInit);
}

async function call(route: Route, request = requestFor(route), params: Record<string, string> = { id: contactId }) {
  const module = (await import(route.file)) as Record<string, Handler>;
  const response = await module[route.method]!(request, routeParams(params));
  await response.text();
  return response.status;
}

async function signInAs(member: Member | null) {
  const user = member && (await db.user.findUniqueOrThrow({ where: { id: member.userId } }));
  signedIn = user ? { id: user.id, email: user.email } : null;
}

beforeAll(async () => {
  const { tenant, admin } = await createTenant("Routes");
  organizationId = tenant.organizationId;
  const store = await createTestStore(tenant);
  people.admin = admin;
  people.cx_manager = await createMember(tenant, "cx_manager");
  people.store_manager = await createMember(tenant, "store_manager", [store.id]);
  contactId = (await sendTestSurvey(tenant, { storeId: store.id })).contactId;
  foreignContactId = (await sendTestSurvey((await createTenant("Other")).tenant)).contactId;
});

describe("signed-in route handlers", () => {
  it("are found: the downloads and the upload", () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      expect.arrayContaining(["POST /contacts/[id]/export", "GET /exports/responses.csv", "POST /imports/upload"]),
    );
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s: 404 signed out and below its role, answered from it", async (_name, route) => {
    await signInAs(null);
    expect(await call(route)).toBe(404);
    for (const role of Object.keys(RANK) as Role[]) {
      await signInAs(people[role]);
      expect(await call(route), role).toBe(RANK[role] >= RANK[route.minRole] ? 200 : 404);
    }
  });

  it.each(routes.filter((r) => r.method !== "GET").map((r) => [`${r.method} ${r.path}`, r] as const))("%s from another site is 403 and changes nothing", async (_name, route) => {
    await signInAs(people.admin);
    const before = await tenantRows(organizationId);
    expect(await call(route, requestFor(route, "https://attacker.example"))).toBe(403);
    expect(await tenantRows(organizationId)).toEqual(before);
  });

  it.each(routes.filter((r) => r.path.includes("[id]")).map((r) => [`${r.method} ${r.path}`, r] as const))("%s with another tenant's id is 404", async (_name, route) => {
    await signInAs(people.admin);
    expect(await call(route, requestFor(route), { id: foreignContactId })).toBe(404);
  });

  it("answers a malformed filter with 400 and its message, and another tenant's store with 404", async () => {
    const csv = routes.find((r) => r.path === "/exports/responses.csv")!;
    await signInAs(people.store_manager);
    const module = (await import(csv.file)) as Record<string, Handler>;
    const bad = await module.GET!(new Request("http://localhost:3000/exports/responses.csv?channel=fax"), routeParams({}));
    expect([bad.status, await bad.text()]).toEqual([400, "Channel is store or online"]);
    const foreign = await module.GET!(new Request("http://localhost:3000/exports/responses.csv?store=cunknownstore000000000000"), routeParams({}));
    expect(foreign.status).toBe(404);
  });
});
