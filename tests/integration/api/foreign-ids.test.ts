import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db/client";
import { createRegion, createStore } from "@/lib/stores/stores";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, sendTestSurvey } from "@/tests/support/factories";
import { recordScore } from "@/lib/responses/record-score";
import { tenantRows } from "../tenancy/tenant-rows";
import { apiKeyFor, callApi } from "./api-requests";

// A key of tenant A, used with tenant B's ids on every operation of /api/v1, finds nothing and changes nothing in
// B. The operations come from the app: the route files under app/api/v1 and the OpenAPI document generated from the
// routes' own schemas; every path parameter, query parameter and body field that names an object is tried with B's
// value. A new route, or a new id field, is covered without editing this test (or fails it, if it names a kind of
// object the test has no B value for).

const API_DIR = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
// Public by design: the API's own description, no tenant data.
const PUBLIC_ROUTES = new Set(["/openapi.json", "/docs"]);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Operation = { method: (typeof METHODS)[number]; route: string; handler: Handler };

function routeFiles(dir = API_DIR, prefix = ""): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`);
    return /^route\.tsx?$/.test(entry) ? [{ route: prefix, file: full }] : [];
  });
}

async function operations(): Promise<Operation[]> {
  const found: Operation[] = [];
  for (const { route, file } of routeFiles()) {
    if (PUBLIC_ROUTES.has(route)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof module[method] === "function") found.push({ method, route, handler: module[method] as Handler });
  }
  return found;
}

type SchemaObject = { properties?: Record<string, SchemaObject>; items?: SchemaObject };
type Spec = { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } };
const document = openApiDocument("http://localhost:3000") as unknown as {
  paths: Record<string, Record<string, Spec>>;
  components: { schemas: Record<string, SchemaObject> };
};

function specOf(op: Operation): Spec {
  const spec = document.paths[op.route]?.[op.method.toLowerCase()];
  if (!spec) throw new Error(`${op.method} ${op.route} has a route file but is missing from the OpenAPI document`);
  return spec;
}

function bodySchema(spec: Spec): SchemaObject | undefined {
  const ref = spec.requestBody?.content["application/json"]?.schema.$ref;
  return ref ? document.components.schemas[ref.split("/").pop()!] : undefined;
}

// A batch (a body of `sends`) names its objects in each item, and answers each item in `results`.
const batchItem = (spec: Spec) => bodySchema(spec)?.properties?.sends?.items;

function bodyFields(spec: Spec): string[] {
  return Object.keys((batchItem(spec) ?? bodySchema(spec))?.properties ?? {});
}

type Foreign = { contact: string; contactEmail: string; externalId: string; store: string; storeCode: string; region: string; survey: string };

/** B's value for each input name that names an object; a path `{id}` names the kind of its collection. */
function foreignValue(name: string, route: string, b: Foreign): string | undefined {
  if (name === "id") return ({ contacts: b.contact } as Record<string, string>)[route.split("/")[1]!];
  return ({ storeCode: b.storeCode, store: b.store, storeId: b.store, region: b.region, regionId: b.region, survey: b.survey, surveyId: b.survey, contactId: b.contact } as Record<string, string>)[name];
}
// externalId is the tenant's own name for a contact, in its own namespace: B's value in A names nothing of B
// (searches by it are checked below to show none of B's rows).
const namesAnObject = (name: string) =>
  name !== "externalId" && (name === "id" || /Id$|Code$/.test(name) || ["store", "region", "survey"].includes(name));

// The smallest valid body of each operation that takes one, so that a request fails on B's id and not on its shape.
const newEmail = () => `a-${crypto.randomUUID()}@example.test`;
const VALID_BODY: Record<string, () => Record<string, unknown>> = {
  "POST /survey-sends": () => ({ contact: { email: newEmail() } }),
  "POST /survey-sends/batch": () => ({ contact: { email: newEmail() } }),
  "POST /contacts": () => ({ email: newEmail() }),
  "PATCH /contacts/{id}": () => ({ name: "Hijacked" }),
  "POST /suppressions": () => ({ email: newEmail(), reason: "bounced" }),
};

let a: Tenant;
let key: string;
let b: Foreign;
let bTenant: Tenant;
let ops: Operation[];

beforeAll(async () => {
  ({ tenant: a } = await createTenant("API Tenant A"));
  key = await apiKeyFor(a);
  await createStore(a, { name: "A Street", code: "A-1", city: null, regionId: null });
  ({ tenant: bTenant } = await createTenant("API Tenant B"));
  const region = await createRegion(bTenant, { name: "B Region" });
  const store = await createStore(bTenant, { name: "B Street", code: `B-${crypto.randomUUID().slice(0, 8)}`, city: null, regionId: region.id });
  const send = await sendTestSurvey(bTenant, { storeId: store.id });
  await recordScore(send.token, 3);
  const contact = await db.contact.update({ where: { id: send.contactId }, data: { externalId: `B-${crypto.randomUUID()}` } });
  const survey = await db.survey.findFirstOrThrow({ where: bTenant });
  b = { contact: contact.id, contactEmail: contact.email, externalId: contact.externalId!, store: store.id, storeCode: store.code, region: region.id, survey: survey.id };
  ops = await operations();
});

type Case = { name: string; op: Operation; path: string; params: Record<string, string>; body?: Record<string, unknown> };

function foreignCases(op: Operation): Case[] {
  const spec = specOf(op);
  const cases: Case[] = [];
  const bodyOf = VALID_BODY[`${op.method} ${op.route}`];
  if (spec.requestBody && !bodyOf) throw new Error(`${op.method} ${op.route} takes a body: give VALID_BODY a valid one`);
  const pathParams = (spec.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
  const foreignPath = Object.fromEntries(pathParams.map((name) => [name, foreignValue(name, op.route, b)]));
  const concretePath = (params: Record<string, string | undefined>) => op.route.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  const inputs = [
    ...pathParams.map((name) => ({ name, in: "path" })),
    ...(spec.parameters ?? []).filter((p) => p.in === "query"),
    ...bodyFields(spec).map((name) => ({ name, in: "body" })),
  ].filter((input) => namesAnObject(input.name));
  for (const input of inputs) {
    const value = foreignValue(input.name, op.route, b);
    if (value === undefined) throw new Error(`${op.method} ${op.route}: "${input.name}" names an object; give foreignValue tenant B's`);
    // Path parameters are always B's (an operation on B's object); query and body inputs one at a time.
    const query = input.in === "query" ? `?${new URLSearchParams({ [input.name]: value })}` : "";
    const fields = bodyOf ? { ...bodyOf(), ...(input.in === "body" ? { [input.name]: value } : {}) } : undefined;
    const body = fields && batchItem(spec) ? { sends: [fields] } : fields;
    cases.push({ name: `${op.method} ${op.route} with B's ${input.name}`, op, path: `${concretePath(foreignPath)}${query}`, params: foreignPath as Record<string, string>, body });
  }
  return cases;
}

describe("an API key of tenant A with tenant B's ids", () => {
  it("finds the operations: every route file is in the OpenAPI document, and they name objects", () => {
    const names = ops.map((op) => `${op.method} ${op.route}`);
    expect(names).toEqual(expect.arrayContaining(["GET /contacts/{id}", "DELETE /contacts/{id}", "POST /survey-sends", "POST /survey-sends/batch", "GET /responses"]));
    for (const op of ops) specOf(op);
    expect(ops.flatMap(foreignCases).length).toBeGreaterThanOrEqual(10);
  });

  it("is answered 404 on every operation and input that names one of B's objects, and nothing in B changes", async () => {
    const before = await tenantRows(bTenant.organizationId);
    const answers: string[] = [];
    for (const c of ops.flatMap(foreignCases)) {
      const response = await callApi(c.op.handler, { key, method: c.op.method, path: c.path, params: c.params, body: c.body });
      const answer = response.status === 200 && response.body?.results ? response.body.results[0] : { status: response.status, ...response.body };
      answers.push(`${c.name}: ${answer.status} ${answer.error ?? ""}`);
    }
    expect(answers.filter((answer) => !answer.endsWith(": 404 not_found"))).toEqual([]);
    expect(await tenantRows(bTenant.organizationId)).toEqual(before);
  });

  it("lists and searches of every GET operation show none of B's rows, even asked for B's email or externalId", async () => {
    const bIds = Object.values(b);
    for (const op of ops.filter((o) => o.method === "GET" && !o.route.includes("{"))) {
      const queries = ["", ...(specOf(op).parameters ?? []).filter((p) => p.in === "query" && ["email", "externalId"].includes(p.name))
        .map((p) => `?${new URLSearchParams({ [p.name]: p.name === "email" ? b.contactEmail : b.externalId })}`)];
      for (const query of queries) {
        const response = await callApi(op.handler, { key, method: "GET", path: `${op.route}${query}` });
        expect(response.status, `${op.route}${query}`).toBe(200);
        const text = JSON.stringify(response.body);
        for (const id of bIds) expect(text, `${op.route}${query} shows B's ${id}`).not.toContain(id);
      }
    }
  });
});
