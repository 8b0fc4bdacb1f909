import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tenantRows } from "../tenancy/tenant-rows";
import { surveyRequest, routeParams, storeSurvey } from "../survey-pages/survey-requests";

// CSRF: every route handler that changes something, found in the app's own route files, refuses a request from
// another site. Server actions have Next's own Origin check (tests/e2e/action-isolation.spec.ts); the API takes no
// ambient credential (a Bearer key, which another site's page cannot attach); next-auth's routes carry its CSRF
// token; signed-in route handlers (the CSV upload, the contact export) are built with memberRoute, which checks Origin
// after the session, and proxy.ts refuses any signed-in POST without our Origin before that (their refusals are in
// member-route.test.ts and the e2e suite). Everything else, the public survey pages, is posted here with a real
// token and a foreign Origin.

const APP_DIR = path.join(process.cwd(), "app");
const MUTATING = /export (?:async function|const) (POST|PUT|PATCH|DELETE)\b/g;

function mutatingRoutes(dir = APP_DIR): { file: string; methods: string[]; memberRoute: boolean }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return mutatingRoutes(full);
    if (!/^route\.tsx?$/.test(entry)) return [];
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(MUTATING)].map((m) => m[1]!);
    const memberRoute = methods.every((method) => source.includes(`export const ${method} = memberRoute(`));
    return methods.length ? [{ file: path.relative(process.cwd(), full), methods, memberRoute }] : [];
  });
}

// The REST API and SCIM provisioning (lib/identity/scim/scim-route.ts) take a Bearer token and nothing else.
const BEARER_ONLY = (file: string) => file.startsWith(path.join("app", "api", "v1")) || file.startsWith(path.join("app", "scim"));
const OWN_CSRF = (file: string) => file.startsWith(path.join("app", "api", "auth"));
// RFC 8058's one-click unsubscribe: mailbox providers post it from their own origin, so it takes any (the link is its
// authority, and an unsubscription is all a forged post could do); tests/integration/mail/unsubscribe-headers.test.ts.
const ONE_CLICK_UNSUBSCRIBE = path.join("app", "s", "[token]", "unsubscribe", "route.tsx");
// Demo mode's one-click sign-in (404 outside it): a forged post would sign the visitor in as a demo user.
const DEMO_SIGN_IN = path.join("app", "signin", "demo", "route.ts");
// A SAML provider posts its answer from its own origin (the HTTP-POST binding), so the ACS takes any: its authority
// is an assertion signed by the tenant's provider, answering the request whose id is in this browser's cookie
// (tests/integration/identity/saml-sign-in.test.ts). Another site posting its own assertion signs nobody in.
const SAML_ACS = path.join("app", "signin", "sso", "saml", "[tenant]", "acs", "route.ts");

describe("route handlers that change something, posted from another site", () => {
  const routes = mutatingRoutes();
  const surveyRoutes = routes.filter((r) => r.file.startsWith(path.join("app", "s") + path.sep));
  const surveyForms = surveyRoutes.filter((r) => r.file !== ONE_CLICK_UNSUBSCRIBE);

  it("are all accounted for: API (Bearer), next-auth, memberRoute (the CSV upload), the SAML ACS, or a public survey page", () => {
    expect(routes.length).toBeGreaterThan(4);
    const other = routes.filter(
      (r) => !BEARER_ONLY(r.file) && !OWN_CSRF(r.file) && !r.memberRoute && ![DEMO_SIGN_IN, SAML_ACS].includes(r.file) && !surveyRoutes.includes(r),
    );
    expect(other.map((r) => r.file), "a new mutating route handler: give it an Origin check and a case here").toEqual([]);
  });

  it("take RFC 8058's one-click unsubscribe from any origin, and it is the only survey route that does", () => {
    expect(surveyRoutes.map((r) => r.file)).toContain(ONE_CLICK_UNSUBSCRIBE);
    expect(surveyForms.length).toBe(surveyRoutes.length - 1);
  });

  it.each(surveyForms.map((r) => [r.file, r] as const))("%s answers 403 and records nothing", async (file, route) => {
    const send = await storeSurvey("en");
    const module = (await import(path.join(process.cwd(), file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
    const segment = file.split(path.sep).at(-2)!;
    const before = await tenantRows(send.organizationId);
    for (const method of route.methods) {
      const body = new URLSearchParams({ comment: "forged", callbackConsent: "on", callbackPhone: "+49 30 1234567", score: "0" });
      const request = surveyRequest(`/s/${send.token}/x`, { method, body, ip: "203.0.113.99", headers: { origin: "https://attacker.example" } });
      const response = await module[method]!(request, routeParams({ token: send.token, score: "0", [segment.replace(/^\[|\]$/g, "")]: "0" }));
      expect(response.status, `${method} ${file}`).toBe(403);
    }
    expect(await tenantRows(send.organizationId)).toEqual(before);
    expect(await db.scoreClick.count({ where: { surveySendId: send.id } })).toBe(0);
  });

  it(`${DEMO_SIGN_IN} answers 403 and makes no sign-in link`, async () => {
    const { POST } = await import(path.join(process.cwd(), DEMO_SIGN_IN));
    const before = await db.verificationToken.count();
    const request = new Request("http://localhost:3000/signin/demo", {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "cx@northwind.demo" }),
    });
    expect((await POST(request)).status).toBe(403);
    // Only the demo's own users: anyone else is not found, whatever the Origin.
    const someone = new Request("http://localhost:3000/signin/demo", {
      method: "POST",
      headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "someone@customer.example" }),
    });
    expect((await POST(someone)).status).toBe(404);
    expect(await db.verificationToken.count()).toBe(before);
  });

  it(`${SAML_ACS} takes a post from another site but opens no session without this browser's own sign-in`, async () => {
    const { POST } = await import(path.join(process.cwd(), SAML_ACS));
    const request = new Request("http://localhost:3000/signin/sso/saml/some-tenant/acs", {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ SAMLResponse: Buffer.from("<samlp:Response/>").toString("base64") }),
    });
    const response: Response = await POST(request, routeParams({ tenant: "some-tenant" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/signin/sso/failed?reason=expired");
    expect(response.headers.getSetCookie().filter((cookie) => cookie.includes("session-token"))).toEqual([]);
  });

  it.each(routes.filter((r) => BEARER_ONLY(r.file)).map((r) => [r.file, r] as const))("%s ignores cookies: without a key it is 401", async (file, route) => {
    const module = (await import(path.join(process.cwd(), file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
    for (const method of route.methods) {
      const request = new Request("http://localhost:3000/api/v1/x", {
        method,
        headers: { origin: "https://attacker.example", cookie: "next-auth.session-token=stolen-or-ambient", "content-type": "application/json" },
        body: JSON.stringify({ email: "x@example.test" }),
      });
      expect((await module[method]!(request, routeParams({ id: "x" }))).status, `${method} ${file}`).toBe(401);
    }
  });
});
