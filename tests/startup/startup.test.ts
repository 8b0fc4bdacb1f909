import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "@/prisma/seed/demo-tenants";
import { build, isBuildCurrent } from "@/scripts/build-stamp";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// `npm start` as an operator runs it, per configuration: embedded or real database × SMTP_URL set or not × DEMO_MODE
// true or unset. Each either refuses in one line (before it starts anything) or serves, and then the sign-in page,
// /outbox and the one-click sign-in are asked over HTTP. One build for all (made here if .next/ is stale); the
// embedded runs share one PGlite folder and the real ones one scratch database, so the demo is seeded once per
// kind: the production run comes first, on the fresh database, and must leave it without the demo.

const root = process.cwd();
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DEMO_USERS = demoUsers();
const MESSAGE_WHY = "(production is not demo mode: DATABASE_URL is set and DEMO_MODE is not true)";
let port = 3510;

let sink: SmtpSink;
let realUrl: string;
const databaseName = `nps_startup_${randomBytes(4).toString("hex")}`;
const pgliteDir = path.join(".data", `startup-pglite-${randomBytes(4).toString("hex")}`);

type Run = { code: number | null; stdout: string; stderr: string };

/** A clean environment: nothing of the developer's shell or of vitest (NODE_ENV=test) leaks into the app. */
function environment(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", START_WORKER: "false" };
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value;
  return env as NodeJS.ProcessEnv;
}

function launch(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: false });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk));
  const exited = new Promise<Run>((resolve) => child.on("exit", (code) => resolve({ code, ...output })));
  return { child, output, exited };
}

async function runToExit(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Run> {
  const { child, exited } = launch(args, env);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

const START = ["--import", "tsx", "scripts/start.ts"];

/** `npm start` until its sign-in page answers; fails with its output if it exits first. */
async function startApp(env: NodeJS.ProcessEnv, timeoutMs = 300_000) {
  const { child, output, exited } = launch(START, env);
  const base = `http://localhost:${env.PORT}`;
  let done: Run | undefined;
  void exited.then((run) => (done = run));
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (done) throw new Error(`npm start exited with ${done.code}:\n${done.stdout}\n${done.stderr}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer in ${timeoutMs / 1000} s:\n${output.stdout}\n${output.stderr}`);
    const answered = await fetch(`${base}/signin`).then((r) => r.ok, () => false);
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    output,
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type Observed = { banner: boolean; oneClickButtons: number; outbox: number; demoRoute: number; signedInAsDemoUser: boolean };

/** What a visitor finds: the banner and one-click list on the sign-in page, /outbox, and the one-click sign-in itself. */
async function observe(base: string): Promise<Observed> {
  const signin = await (await fetch(`${base}/signin`)).text();
  const outbox = (await fetch(`${base}/outbox`)).status;
  const email = "cx@northwind.demo";
  const posted = await fetch(`${base}/signin/demo`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }),
    redirect: "manual",
  });
  let signedInAsDemoUser = false;
  if (posted.status === 303) {
    // next-auth's own email callback takes the link, opens the session and sends the visitor on to the dashboard.
    const callback = await fetch(new URL(posted.headers.get("location")!, base), { redirect: "manual" });
    const cookie = callback.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(callback.headers.get("location")).toMatch(/\/dashboard$/);
    const dashboard = await fetch(`${base}/dashboard`, { headers: { cookie }, redirect: "manual" });
    const html = await dashboard.text();
    signedInAsDemoUser = dashboard.status === 200 && html.includes(email) && html.includes('aria-label="Demo mode"');
  }
  return {
    banner: signin.includes('aria-label="Demo mode"') && signin.includes("not for production"),
    oneClickButtons: signin.split('action="/signin/demo"').length - 1,
    outbox,
    demoRoute: posted.status,
    signedInAsDemoUser,
  };
}

async function demoTenantsIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Organization" WHERE slug IN ('northwind', 'lumen')`);
    return rows[0].n;
  } catch {
    return 0; // not even migrated
  } finally {
    await client.end();
  }
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const DEMO: Observed = { banner: true, oneClickButtons: DEMO_USERS.length, outbox: 200, demoRoute: 303, signedInAsDemoUser: true };
const DEMO_WITH_SMTP: Observed = { ...DEMO, outbox: 404 };
const PRODUCTION: Observed = { banner: false, oneClickButtons: 0, outbox: 404, demoRoute: 404, signedInAsDemoUser: false };

beforeAll(async () => {
  if (!isBuildCurrent(root)) expect(build(root), "next build").toBe(0);
  sink = await startSmtpSink();
  await admin(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${databaseName}`;
  realUrl = url.toString();
});

afterAll(async () => {
  await sink?.close();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  rmSync(pgliteDir, { recursive: true, force: true });
});

describe("refusals: outside demo mode nothing starts without the production settings, in one line", () => {
  it("real database, no SMTP_URL, DEMO_MODE unset: npm start names all three and exits 1", async () => {
    const run = await runToExit(START, environment({ DATABASE_URL: realUrl, PORT: String(port++) }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Refusing to start: set SMTP_URL, NEXTAUTH_SECRET, APP_URL ${MESSAGE_WHY}`);
    expect(await demoTenantsIn(realUrl)).toBe(0);
  });

  it("real database, SMTP_URL set, DEMO_MODE unset, no secret or APP_URL: names those two", async () => {
    const run = await runToExit(START, environment({ DATABASE_URL: realUrl, SMTP_URL: sink.url, PORT: String(port++) }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Refusing to start: set NEXTAUTH_SECRET, APP_URL ${MESSAGE_WHY}`);
  });

  it("embedded database with DEMO_MODE=false is production too", async () => {
    const run = await runToExit(START, environment({ DEMO_MODE: "false", PORT: String(port++) }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("Refusing to start: set SMTP_URL, NEXTAUTH_SECRET, APP_URL (production is not demo mode: DEMO_MODE is false)");
  });

  it("`next start` run directly refuses the same way (instrumentation.ts)", async () => {
    const next = path.join("node_modules", "next", "dist", "bin", "next");
    const env = environment({ DATABASE_URL: realUrl, APP_URL: "http://localhost:3599", PORT: undefined });
    const run = await runToExit([next, "start", "-p", String(port++)], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`Refusing to start: set SMTP_URL, NEXTAUTH_SECRET ${MESSAGE_WHY}`);
  });

  it("the worker (npm run worker) refuses without SMTP_URL and APP_URL", async () => {
    const run = await runToExit(["--import", "tsx", "scripts/worker.ts"], environment({ DATABASE_URL: realUrl }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Refusing to start: set SMTP_URL, APP_URL ${MESSAGE_WHY}`);
  });
});

describe("configurations that start", () => {
  it("real database, SMTP_URL set, DEMO_MODE unset (production): no outbox, no demo, no banner, no one-click sign-in", async () => {
    const p = String(port++);
    const secret = randomBytes(32).toString("base64url");
    const app = await startApp(environment({ DATABASE_URL: realUrl, SMTP_URL: sink.url, NEXTAUTH_SECRET: secret, APP_URL: `http://localhost:${p}`, PORT: p }));
    try {
      expect(await observe(app.base)).toEqual(PRODUCTION);
      expect((await fetch(`${app.base}/signin/demo`)).status).toBe(404);
      expect((await fetch(`${app.base}/outbox/anything`)).status).toBe(404);
      expect(await demoTenantsIn(realUrl)).toBe(0);
      expect(app.output.stdout).not.toContain("Demo users");
    } finally {
      await app.stop();
    }
  });

  const cases: [string, Record<string, string | undefined>, Observed][] = [
    ["embedded, no SMTP_URL, DEMO_MODE unset", {}, DEMO],
    ["embedded, no SMTP_URL, DEMO_MODE=true", { DEMO_MODE: "true" }, DEMO],
    ["embedded, SMTP_URL set, DEMO_MODE unset", { SMTP: "yes" }, DEMO_WITH_SMTP],
    ["embedded, SMTP_URL set, DEMO_MODE=true", { SMTP: "yes", DEMO_MODE: "true" }, DEMO_WITH_SMTP],
    ["real database, no SMTP_URL, DEMO_MODE=true", { REAL: "yes", DEMO_MODE: "true" }, DEMO],
    ["real database, SMTP_URL set, DEMO_MODE=true", { REAL: "yes", SMTP: "yes", DEMO_MODE: "true" }, DEMO_WITH_SMTP],
  ];
  it.each(cases)("%s: demo mode, seeded, banner and one-click sign-ins", async (_name, { REAL, SMTP, DEMO_MODE }, expected) => {
    const env = environment({
      PORT: String(port++),
      DEMO_MODE,
      SMTP_URL: SMTP ? sink.url : undefined,
      ...(REAL ? { DATABASE_URL: realUrl } : { PGLITE_DIR: pgliteDir }),
    });
    const app = await startApp(env);
    try {
      // The one-click list shows the demo users that exist in the database: all of them once the demo is seeded.
      expect(await observe(app.base)).toEqual(expected);
      if (REAL) expect(await demoTenantsIn(realUrl)).toBe(2);
      expect(app.output.stdout).toContain("Demo mode: sample data");
    } finally {
      await app.stop();
    }
  });
});
