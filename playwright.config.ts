import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Playwright cannot download its browsers on our machines: use Debian's Chromium (or CHROMIUM_PATH). On a machine
// with internet, `npx playwright install chromium` and an unset CHROMIUM_PATH work too.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // Headless Chromium announces itself as "HeadlessChrome", which the survey pages hold as a possible link scanner
    // (lib/responses/scanner-guard.ts); the people these tests play use ordinary browsers.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The store manager's walk also runs on a phone and on a tablet, with touch (store-manager-on-a-phone.spec.ts).
  projects: [
    { name: "desktop", testIgnore: /store-manager-on-a-phone/ },
    { name: "phone", testMatch: /store-manager-on-a-phone/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    { name: "tablet", testMatch: /store-manager-on-a-phone/, use: { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    // A fresh embedded Postgres with the demo seed, exactly what `npm start` gives a new user (it builds first when
    // the sources differ from .next/'s build).
    command: `rm -rf .data/e2e-pglite && npm start`,
    // The suite signs the same people in many times from one client: above the sign-in limits (tested in
    // tests/integration/security/sign-in-limit.test.ts).
    env: {
      PORT: String(port),
      PGLITE_DIR: ".data/e2e-pglite",
      DATABASE_URL: "",
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      SIGN_IN_LIMIT_PER_ADDRESS: "1000",
      SIGN_IN_LIMIT_PER_CLIENT: "1000",
    },
    url: `http://localhost:${port}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
