import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale, resolveStaffLocale } from "@/lib/i18n/locales";

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

describe("a staff member's language", () => {
  it("is the one picked on their profile, whatever the browser says", () => {
    expect(resolveStaffLocale({ userLocale: "pl", acceptLanguage: "de-DE,de;q=0.9", tenantDefault: "fr" })).toBe("pl");
  });

  it("defaults to the browser's most preferred language we speak", () => {
    expect(resolveStaffLocale({ userLocale: null, acceptLanguage: "ja,de-CH;q=0.9,en;q=0.5", tenantDefault: "fr" })).toBe("de");
    expect(negotiateLocale("fr;q=0.1, nl;q=0.8")).toBe("nl");
  });

  it("falls back to the tenant's default for staff, then English", () => {
    expect(resolveStaffLocale({ userLocale: null, acceptLanguage: "ja", tenantDefault: "nl" })).toBe("nl");
    expect(resolveStaffLocale({ userLocale: "xx", acceptLanguage: null, tenantDefault: "xx" })).toBe("en");
  });
});
