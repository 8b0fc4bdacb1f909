import { describe, expect, it } from "vitest";
import { renderSignInEmail } from "@/emails/sign-in-email";

const url =
  "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=cx%40northwind.example";

describe("sign-in email", () => {
  it("carries the magic link in both the HTML button and the plain-text part", async () => {
    const { subject, html, text } = await renderSignInEmail({ locale: "en", url, host: "localhost:3000" });

    expect(subject).toBe("Sign in to NPS Loop");
    expect(html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(text).toContain(url);
  });

  it("tells the reader the link expires in 30 minutes, works once, and can be ignored if unrequested", async () => {
    const { html, text } = await renderSignInEmail({ locale: "en", url, host: "localhost:3000" });

    for (const part of [html, text]) {
      expect(part).toContain("This link expires in 30 minutes and can be used once.");
      expect(part).toContain("If you did not request this email you can ignore it.");
    }
    expect(html).not.toMatch(/<script/i);
  });
});

describe("sign-in email in the recipient's language", () => {
  it("is German for a German reader, with the document language set", async () => {
    const { subject, html, text } = await renderSignInEmail({ locale: "de", url, host: "localhost:3000" });

    expect(subject).toBe("Bei NPS Loop anmelden");
    expect(html).toContain('lang="de"');
    expect(text).toContain("Dieser Link läuft in 30 Minuten ab und kann einmal verwendet werden.");
    expect(text).toContain(url);
  });
});
