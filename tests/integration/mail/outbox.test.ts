import { afterAll, describe, expect, it } from "vitest";
import { renderSurveyEmail } from "@/emails/survey-email";
import { db } from "@/lib/db/client";
import { usesOutbox } from "@/lib/env";
import { getOutboxMessage, listOutboxMessages } from "@/lib/mail/outbox";
import { sendMail } from "@/lib/mail/send-mail";
import { createTenant, sendTestSurvey } from "@/tests/support/factories";

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

  it("keeps each message's headers, so the demo shows a survey's List-Unsubscribe and one-click header", async () => {
    const { tenant } = await createTenant("Outbox Header Shop");
    const send = await sendTestSurvey(tenant);
    const { email } = await db.contact.findUniqueOrThrow({ where: { id: send.contactId } });
    const [listed] = (await listOutboxMessages()).filter((message) => message.to === email);

    const { headerLines } = await getOutboxMessage(listed!.id);

    expect(headerLines).toEqual(
      expect.arrayContaining([
        ["To", email],
        ["List-Unsubscribe", `<http://localhost:3000/s/${send.token}/unsubscribe>`],
        ["List-Unsubscribe-Post", "List-Unsubscribe=One-Click"],
      ]),
    );
    expect(headerLines.map(([name]) => name)).toEqual(expect.arrayContaining(["From", "Subject", "Date", "Message-ID"]));
  });
});
