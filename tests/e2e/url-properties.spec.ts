import http from "node:http";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Whatever path a client sends, malformed escapes, raw bytes, dot segments, under the survey pages, the API and
// the staff app, signed out, signed in or with an API key: the app answers, never with a 5xx. The paths go out over
// HTTP exactly as generated (node:http sends them byte for byte; Playwright's client would normalise them), to the
// app `next start` serves, so Next's own router is under test too: it once answered `/s/%ff/5` with a bare 500.

const byte = fc.integer({ min: 0, max: 255 });
const piece = fc.oneof(
  // An escape of any byte, in either case: valid UTF-8 or not.
  byte.map((b) => `%${b.toString(16).padStart(2, "0")}`),
  byte.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`),
  // Broken and tricky escapes: truncated, not hex, overlong, surrogates, NUL, encoded slashes and dots.
  fc.constantFrom("%", "%%", "%A", "%g0", "%0", "%c3", "%e2%82", "%f0%9f%98", "%ef%bf%bf", "%ed%a0%80", "%c0%af", "%00", "%2f", "%2e%2e", "%5c", "%25"),
  // A raw byte: node:http sends 0x21-0xff as it is (latin1), so bytes above 0x7f arrive unescaped.
  fc.integer({ min: 0x21, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)),
  fc.constantFrom("/", "..", ".", "//", "?", "#", ";", "&", "=", "~"),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
);
const rawPath = fc
  .tuple(
    fc.constantFrom(
      "/", "/s/", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", "/r/", "/unsubscribe/", "/api/v1/", "/api/v1/contacts/",
      "/api/v1/survey-sends/", "/api/auth/", "/queue/", "/digest/", "/integrations/webhooks/", "/outbox/", "/contacts/",
      "/exports/", "/dashboard/", "/signin/", "/_next/static/", "/_next/image/",
    ),
    fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join("")),
    fc.constantFrom("", "/5", "/comment", "/thanks", "/unsubscribe", "/export", "/share", "?q=%ff", "?q=%", "/x?y=%e0%80"),
  )
  .map((parts) => parts.join(""));
const method = fc.constantFrom("GET", "GET", "HEAD", "POST");

/** One request with the path as given; resolves to the status. */
function send(baseURL: string, request: { method: string; path: string; headers?: Record<string, string> }): Promise<number> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const body = request.method === "POST" ? "comment=x&score=3&email=x%40example.test" : undefined;
    const outgoing = http.request(
      {
        host: hostname,
        port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode!));
      },
    );
    outgoing.setTimeout(60_000, () => outgoing.destroy(new Error(`no answer to ${request.method} ${request.path}`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Sends `runs` generated requests with `headers`; fails, with the shrunk path, on the first 5xx. */
async function neverA5xx(baseURL: string, runs: number, headers: Record<string, string>, methods = method) {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(rawPath, methods, async (path, verb) => {
      sent += 1;
      const status = await send(baseURL, { method: verb, path, headers });
      expect(status, `${verb} ${path}`).toBeLessThan(500);
    }),
    { numRuns: runs },
  );
  return sent;
}

test("the paths of the issue answer our friendly 404 pages", async ({ baseURL }) => {
  for (const path of ["/s/%ff/5", "/s/abc%ff/5", "/s/%/5", "/s/x/%ff", "/s/%E0%A4%A", "/s/%A"]) {
    const response = await fetch(`${baseURL}${path}`);
    expect(response.status, path).toBe(404);
    expect(await response.text(), path).toContain("This link is not valid");
  }
  for (const path of ["/%ff", "/queue/%ff", "/digest/%e0%80", "/r/%ff/x", "/integrations/webhooks/%"]) {
    const response = await fetch(`${baseURL}${path}`);
    expect(response.status, path).toBe(404);
    expect(await response.text(), path).toContain("Not found");
  }
  const api = await fetch(`${baseURL}/api/v1/contacts/%ff`);
  expect(api.status).toBe(404);
  expect(await api.json()).toMatchObject({ error: "not_found" });
});

test("no path, signed out, signed in or with an API key, gets a 5xx", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const signedOut = await neverA5xx(baseURL!, 400, {});

  // An admin's session (every page opens for them) and an API key of their tenant. Signed in, a POST without our
  // Origin is refused by proxy.ts before anything runs, so POSTs are safe to send here too.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@northwind.demo", "url-properties-admin");
  const cookie = (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const signedIn = await neverA5xx(baseURL!, 300, { cookie });

  await admin.goto("/integrations");
  await admin.getByLabel("Name").fill("URL properties");
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").innerText()).trim();
  const withKey = await neverA5xx(baseURL!, 200, { authorization: `Bearer ${key}` }, fc.constantFrom("GET", "HEAD"));
  console.log(`raw paths sent: ${signedOut} signed out, ${signedIn} signed in, ${withKey} with an API key`);
});
