import { describe, expect, it } from "vitest";
import { classifyClick } from "@/lib/responses/scanner-guard";

const headers = (values: Record<string, string>) => new Headers(values);
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

describe("telling a customer's browser from a link scanner", () => {
  it("trusts a browser that sends its languages or Fetch metadata", () => {
    expect(classifyClick(headers({ "user-agent": CHROME, "accept-language": "nl" }))).toBe("browser");
    expect(classifyClick(headers({ "user-agent": CHROME, "sec-fetch-mode": "navigate" }))).toBe("browser");
  });

  it("holds gateways, crawlers and HTTP libraries, whatever else they send", () => {
    for (const agent of ["Mozilla/5.0 (compatible; Barracuda Sentinel)", "python-requests/2.32", "curl/8.5", "Mozilla/5.0 HeadlessChrome/120", "Googlebot/2.1", ""]) {
      expect(classifyClick(headers({ "user-agent": agent, "accept-language": "en" })), agent).toBe("non_browser");
    }
  });

  it("holds a browser-looking agent that sends nothing a browser sends", () => {
    expect(classifyClick(headers({ "user-agent": CHROME }))).toBe("non_browser");
  });
});
