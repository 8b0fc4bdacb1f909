import { describe, expect, it } from "vitest";
import { hasSessionCookie, isSameOriginRequest, isStateChanging } from "@/lib/http/same-origin";

const APP_URL = "https://nps.example.com";
const request = (headers: Record<string, string>) => new Request("http://internal:3000/imports/upload", { method: "POST", headers });

describe("a signed-in request that changes something, from our own pages or not", () => {
  it("is ours with our Origin (APP_URL's, or the host it was sent to), or without Origin but Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(request({ origin: APP_URL }), APP_URL)).toBe(true);
    expect(isSameOriginRequest(request({ origin: "http://localhost:3100", host: "localhost:3100" }), APP_URL)).toBe(true);
    expect(isSameOriginRequest(request({ origin: "https://nps.example.com", "x-forwarded-host": "nps.example.com" }), "http://localhost:3000")).toBe(true);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin" }), APP_URL)).toBe(true);
  });

  it("is refused from another site, with Origin 'null', and with no Origin and no same-origin Sec-Fetch-Site", () => {
    expect(isSameOriginRequest(request({ origin: "https://attacker.example", host: "nps.example.com" }), APP_URL)).toBe(false);
    expect(isSameOriginRequest(request({ origin: "null", host: "nps.example.com" }), APP_URL)).toBe(false);
    expect(isSameOriginRequest(request({ host: "nps.example.com" }), APP_URL)).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site" }), APP_URL)).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "cross-site" }), APP_URL)).toBe(false);
    // Sec-Fetch-Site is only read when Origin is missing: a foreign Origin is not rescued by it.
    expect(isSameOriginRequest(request({ origin: "https://attacker.example", "sec-fetch-site": "same-origin" }), APP_URL)).toBe(false);
  });

  it("knows the methods that change something and next-auth's session cookie", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].every(isStateChanging)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(isStateChanging)).toBe(false);
    expect(hasSessionCookie(request({ cookie: "a=1; next-auth.session-token=x" }))).toBe(true);
    expect(hasSessionCookie(request({ cookie: "__Secure-next-auth.session-token=x" }))).toBe(true);
    expect(hasSessionCookie(request({ cookie: "next-auth.csrf-token=x; not-next-auth.session-token=x" }))).toBe(false);
    expect(hasSessionCookie(request({}))).toBe(false);
  });
});
