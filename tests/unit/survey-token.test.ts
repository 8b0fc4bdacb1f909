import { describe, expect, it } from "vitest";
import { isWellFormedSurveyToken, newSurveyToken } from "@/lib/sending/survey-token";

describe("survey tokens", () => {
  it("carry at least 128 random bits in URL-safe characters", () => {
    const token = newSurveyToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 10_000 }, newSurveyToken));
    expect(tokens.size).toBe(10_000);
  });

  it("are recognised when well formed and refused otherwise", () => {
    expect(isWellFormedSurveyToken(newSurveyToken())).toBe(true);
    for (const bad of ["", "short", "a".repeat(33), "has spaces in it and is 32 chars", "../../../etc/passwd______________"]) {
      expect(isWellFormedSurveyToken(bad)).toBe(false);
    }
  });
});
