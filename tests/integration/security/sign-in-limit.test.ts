import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMember, createTenant } from "../../support/factories";

// The sign-in form cannot be used to mail-bomb: at most 5 sign-in emails per address and 20 per client per 15
// minutes (lib/auth/sign-in-limit.ts). The requests go through the real next-auth route (app/api/auth/[...nextauth])
// with its CSRF token, and what reached the outbox is counted: over a limit, no mail and no sign-in link.

const SECRET = "sign-in-limit-test-secret-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = "http://localhost:3000";

// next-auth's route handler reads the request's cookies and headers through next/headers, which only works inside
// Next's request scope. It loads the module with require() on each request: a stand-in in require's cache gives it
// the headers of the request being handled.
let current: Request | undefined;
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth/next"));
const headersModule = requireFromNextAuth.resolve("next/headers");
requireFromNextAuth.cache[headersModule] = {
  id: headersModule,
  filename: headersModule,
  loaded: true,
  exports: {
    headers: async () => new Headers(current!.headers),
    cookies: async () => ({
      getAll: () =>
        (current!.headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean).map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1) };
        }),
    }),
  },
} as unknown as NodeModule;

type Route = typeof import("@/app/api/auth/[...nextauth]/route");
let route: Route;
beforeAll(async () => {
  route = await import("@/app/api/auth/[...nextauth]/route");
});

/** next-auth's double-submit CSRF token: the cookie carries the token and its hash with the secret. */
function csrfPair() {
  const token = randomBytes(16).toString("hex");
  return { token, cookie: `next-auth.csrf-token=${token}|${createHash("sha256").update(`${token}${SECRET}`).digest("hex")}` };
}

/** What next-auth's sign-in form posts (its client asks for JSON and follows the `url`). */
async function askForLink(email: string, ip: string): Promise<{ status: number; url: string }> {
  const csrf = csrfPair();
  const request = new NextRequest("http://localhost:3000/api/auth/signin/email", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, "x-forwarded-for": ip, origin: "http://localhost:3000" },
    body: new URLSearchParams({ email, csrfToken: csrf.token, callbackUrl: "/dashboard", json: "true" }),
  });
  current = request;
  const response = await route.POST(request, { params: Promise.resolve({ nextauth: ["signin", "email"] }) });
  return { status: response.status, url: ((await response.json()) as { url: string }).url };
}

const mailsTo = (email: string) => db.outboxMessage.count({ where: { to: email.toLowerCase(), subject: { contains: "Sign in" } } });
const linksFor = (email: string) => db.verificationToken.count({ where: { identifier: email.toLowerCase() } });
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const SENT = /\/verify-request|\/signin\/check-email/;
const LIMITED = "http://localhost:3000/signin?error=RateLimited";

describe("sign-in emails, rate limited", () => {
  let tenant: Awaited<ReturnType<typeof createTenant>>["tenant"];
  beforeAll(async () => {
    ({ tenant } = await createTenant("Sign-in limits"));
  });

  it("sends at most 5 per address in 15 minutes, however the address is spelled and from however many clients", async () => {
    const member = await createMember(tenant, "cx_manager");
    const email = (await db.user.findUniqueOrThrow({ where: { id: member.userId } })).email!;
    const spellings = [email, email.toUpperCase(), `  ${email} `, email, email, email, email.toUpperCase(), email];
    const answers = [];
    for (const spelling of spellings) answers.push(await askForLink(spelling, freshIp()));
    expect(answers.slice(0, 5).map((a) => a.url)).toEqual(Array(5).fill(expect.stringMatching(SENT)));
    expect(answers.slice(5)).toEqual(Array(3).fill({ status: 429, url: LIMITED }));
    expect(await mailsTo(email)).toBe(5);
    expect(await linksFor(email)).toBe(5);
  });

  it("answers an unknown address exactly as a known one: the same pages at the same counts, and no mail", async () => {
    const unknown = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await askForLink(unknown, freshIp()));
    expect(answers.slice(0, 5).map((a) => a.url)).toEqual(Array(5).fill(expect.stringMatching(SENT)));
    expect(answers.slice(5)).toEqual(Array(2).fill({ status: 429, url: LIMITED }));
    expect(await mailsTo(unknown)).toBe(0);
  });

  it("sends at most 20 per client in 15 minutes: the 21st address asked for from one client gets nothing", async () => {
    const emails: string[] = [];
    for (let i = 0; i < 22; i++) {
      const member = await createMember(tenant, "cx_manager");
      emails.push((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).email!);
    }
    const ip = freshIp();
    const answers = [];
    for (const email of emails) answers.push(await askForLink(email, ip));
    expect(answers.slice(0, 20).every((a) => SENT.test(a.url))).toBe(true);
    expect(answers.slice(20)).toEqual(Array(2).fill({ status: 429, url: LIMITED }));
    expect(await Promise.all(emails.map(mailsTo))).toEqual([...Array(20).fill(1), 0, 0]);
    // Another client still gets a link for those two addresses: the limit was the first client's.
    expect((await askForLink(emails[20]!, freshIp())).url).toMatch(SENT);
    expect(await mailsTo(emails[20]!)).toBe(1);
  });

  it("a plain form post over the limit is redirected to the sign-in page's message", async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await askForLink(`flood-${i}-${randomBytes(3).toString("hex")}@example.test`, ip);
    const request = new NextRequest("http://localhost:3000/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      body: new URLSearchParams({ email: "flood@example.test", csrfToken: "x" }),
    });
    current = request;
    const response = await route.POST(request, { params: Promise.resolve({ nextauth: ["signin", "email"] }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(LIMITED);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
