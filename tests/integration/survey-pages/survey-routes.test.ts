import { describe, expect, it } from "vitest";
import { GET as landing } from "@/app/s/[token]/route";
import { GET as clickScore } from "@/app/s/[token]/[score]/route";
import { POST as postComment } from "@/app/s/[token]/comment/route";
import { db } from "@/lib/db/client";
import { routeParams as params, storeSurvey, surveyRequest as request } from "./survey-requests";

// The public survey routes called as the server calls them: a Request in, a Response out.

describe("the public survey routes", () => {
  it("record a click and send the customer to the page for their score, with a no-script policy", async () => {
    const send = await storeSurvey();
    const response = await clickScore(request(`/s/${send.token}/3`), params({ token: send.token, score: "3" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/s/${send.token}`);
    expect(await db.response.findUnique({ where: { surveySendId: send.id } })).toMatchObject({ score: 3 });

    const page = await landing(request(`/s/${send.token}`), params({ token: send.token }));
    const html = await page.text();
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain('lang="de"');
    expect(html).toContain("Was ist schiefgelaufen?");
    expect(html).not.toContain("<script");
  });

  it("answer an unknown token with the friendly 404 page", async () => {
    const token = "A".repeat(32);
    const response = await clickScore(request(`/s/${token}/5`, { ip: "203.0.113.8" }), params({ token, score: "5" }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Dieser Link ist ungültig");
  });

  it("refuse a score outside 0-10 with a 400 page and store nothing", async () => {
    const send = await storeSurvey();
    for (const score of ["11", "-1", "x", "07.5"]) {
      const response = await clickScore(request(`/s/${send.token}/${score}`, { ip: "203.0.113.9" }), params({ token: send.token, score }));
      expect(response.status, score).toBe(400);
    }
    expect(await db.response.count({ where: { surveySendId: send.id } })).toBe(0);
  });

  it("reject an over-long comment with a message in the customer's language, keeping what they wrote", async () => {
    const send = await storeSurvey();
    await clickScore(request(`/s/${send.token}/2`, { ip: "203.0.113.10" }), params({ token: send.token, score: "2" }));
    const form = new URLSearchParams({ comment: "z".repeat(2001) });
    const response = await postComment(
      request(`/s/${send.token}/comment`, { method: "POST", body: form, ip: "203.0.113.10" }),
      params({ token: send.token }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Bitte fassen Sie sich kürzer als 2000 Zeichen.");
    expect(html).toContain("z".repeat(2001));
    expect((await db.response.findUnique({ where: { surveySendId: send.id } }))?.comment).toBeNull();
  });

  it("store a comment with call-back consent and show the thank-you page", async () => {
    const send = await storeSurvey();
    await clickScore(request(`/s/${send.token}/4`, { ip: "203.0.113.11" }), params({ token: send.token, score: "4" }));
    const form = new URLSearchParams({ comment: "Kasse zu langsam", callbackConsent: "yes", callbackPhone: "+49 30 555" });
    const response = await postComment(
      request(`/s/${send.token}/comment`, { method: "POST", body: form, ip: "203.0.113.11" }),
      params({ token: send.token }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/thanks$/);
    expect(await db.response.findUnique({ where: { surveySendId: send.id } })).toMatchObject({
      comment: "Kasse zu langsam",
      callbackConsent: true,
      callbackPhone: "+49 30 555",
    });
  });

  it("slow down a flood on one survey link with 429 and Retry-After", async () => {
    const send = await storeSurvey();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 35; attempt += 1) {
      const ip = `198.51.100.${attempt}`;
      statuses.push((await landing(request(`/s/${send.token}`, { ip }), params({ token: send.token }))).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await landing(request(`/s/${send.token}`, { ip: "198.51.100.200" }), params({ token: send.token }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuse a survey form posted from another site", async () => {
    const send = await storeSurvey();
    await clickScore(request(`/s/${send.token}/1`, { ip: "203.0.113.12" }), params({ token: send.token, score: "1" }));
    const form = new URLSearchParams({ comment: "forged" });
    const forged = await postComment(
      request(`/s/${send.token}/comment`, { method: "POST", body: form, ip: "203.0.113.12", headers: { origin: "https://evil.example" } }),
      params({ token: send.token }),
    );
    expect(forged.status).toBe(403);
    expect((await db.response.findUnique({ where: { surveySendId: send.id } }))?.comment).toBeNull();
  });
});
