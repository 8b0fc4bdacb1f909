import { describe, expect, it } from "vitest";
import { resolveLocale } from "@/lib/i18n/locales";

describe("the customer's language", () => {
  it("is the contact's language when we speak it", () => {
    expect(resolveLocale("de", "en")).toBe("de");
    expect(resolveLocale("pl-PL", "en")).toBe("pl");
  });

  it("falls back to the tenant's default, then to English", () => {
    expect(resolveLocale("ja", "nl")).toBe("nl");
    expect(resolveLocale(null, "fr")).toBe("fr");
    expect(resolveLocale("ja", "xx")).toBe("en");
  });
});
