import { afterAll, describe, expect, it } from "vitest";
import { renderSurveyEmail } from "@/emails/survey-email";
import { db } from "@/lib/db/client";
import { usesOutbox } from "@/lib/env";
import { getOutboxMessage, listOutboxMessages } from "@/lib/mail/outbox";
import { sendMail } from "@/lib/mail/send-mail";

afterAll(async () => {
  await db.$disconnect();
});

describe("mail without an SMTP server", () => {
  it("lands in the outbox with its HTML and plain-text parts so the demo can open it", async () => {
    expect(usesOutbox()).toBe(true);
    const scoreUrls = Array.from({ length: 11 }, (_, score) => `https://nps.example/s/tok_outbox/${score}`);
    const { html, text } = await renderSurveyEmail({
      brand: "Northwind Markets",
      brandColor: "#1f4e79",
      locale: "fr",
      question: "Recommanderiez-vous Northwind Markets à un ami ?",
      greetingName: null,
      scoreUrls,
      unsubscribeUrl: "https://nps.example/s/tok_outbox/unsubscribe",
    });
    const to = `outbox-${crypto.randomUUID()}@customer.example`;

    await sendMail({ to, subject: "Une petite question de Northwind Markets", html, text });

    const listed = (await listOutboxMessages()).find((message) => message.to === to);
    expect(listed?.subject).toBe("Une petite question de Northwind Markets");
    const stored = await getOutboxMessage(listed!.id);
    expect(stored.organizationId).toBeNull();
    expect(stored.html).toBe(html);
    expect(stored.text).toBe(text);
    expect(stored.text).toContain(`0 (Pas du tout probable): ${scoreUrls[0]}`);
    for (const url of scoreUrls) expect(stored.html).toContain(`href="${url}"`);
  });
});
