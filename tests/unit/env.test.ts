import { describe, expect, it } from "vitest";
import { demoModeOf, startupRefusal, WORKER_SETTINGS } from "@/lib/env";

const EMBEDDED = "postgresql://postgres@127.0.0.1:40001/postgres?sslmode=disable&application_name=nps-embedded";
const REAL = "postgresql://postgres@db.internal:5432/nps";
const PRODUCTION = { DATABASE_URL: REAL, SMTP_URL: "smtp://mail.internal:587", NEXTAUTH_SECRET: "s".repeat(32), APP_URL: "https://nps.example" };

describe("demo mode", () => {
  it("is on by default only with the embedded database", () => {
    expect(demoModeOf({})).toBe(true);
    expect(demoModeOf({ DATABASE_URL: "" })).toBe(true);
    expect(demoModeOf({ DATABASE_URL: EMBEDDED })).toBe(true);
    expect(demoModeOf({ DATABASE_URL: REAL })).toBe(false);
    expect(demoModeOf({ DATABASE_URL: REAL, DEMO_MODE: "" })).toBe(false);
  });

  it("follows DEMO_MODE when an operator sets it, and nothing but true turns it on", () => {
    expect(demoModeOf({ DATABASE_URL: REAL, DEMO_MODE: "true" })).toBe(true);
    expect(demoModeOf({ DEMO_MODE: "false" })).toBe(false);
    expect(demoModeOf({ DATABASE_URL: EMBEDDED, DEMO_MODE: "false" })).toBe(false);
    expect(demoModeOf({ DATABASE_URL: REAL, DEMO_MODE: "1" })).toBe(false);
    expect(demoModeOf({ DATABASE_URL: REAL, DEMO_MODE: "yes" })).toBe(false);
  });
});

describe("startupRefusal", () => {
  it("lets demo mode start with nothing set", () => {
    expect(startupRefusal({})).toBeNull();
    expect(startupRefusal({ DATABASE_URL: REAL, DEMO_MODE: "true" })).toBeNull();
  });

  it("names, in one line, every production setting that is missing", () => {
    expect(startupRefusal({ DATABASE_URL: REAL })).toBe(
      "Refusing to start: set SMTP_URL, NEXTAUTH_SECRET, APP_URL (production is not demo mode: DATABASE_URL is set and DEMO_MODE is not true)",
    );
    expect(startupRefusal({ ...PRODUCTION, SMTP_URL: "" })).toBe(
      "Refusing to start: set SMTP_URL (production is not demo mode: DATABASE_URL is set and DEMO_MODE is not true)",
    );
    expect(startupRefusal({ DEMO_MODE: "false" })).toBe(
      "Refusing to start: set SMTP_URL, NEXTAUTH_SECRET, APP_URL (production is not demo mode: DEMO_MODE is false)",
    );
    expect(startupRefusal(PRODUCTION)).toBeNull();
  });

  it("asks the worker only for what it uses", () => {
    expect(startupRefusal({ ...PRODUCTION, NEXTAUTH_SECRET: undefined }, WORKER_SETTINGS)).toBeNull();
    expect(startupRefusal({ DATABASE_URL: REAL }, WORKER_SETTINGS)).toMatch(/^Refusing to start: set SMTP_URL, APP_URL \(/);
  });

  it("refuses a DEMO_MODE that is neither true nor false rather than guess", () => {
    expect(startupRefusal({ ...PRODUCTION, DEMO_MODE: "yes" })).toBe('Refusing to start: DEMO_MODE must be true or false, not "yes"');
  });
});
