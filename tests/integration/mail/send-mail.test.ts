import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSurveyEmail } from "@/emails/survey-email";
import { sendMail } from "@/lib/mail/send-mail";

const received: Buffer[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // lib/env.ts caches the environment on first use, so this must happen before the first sendMail.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const scoreUrls = Array.from({ length: 11 }, (_, score) => `https://nps.example/s/tok_smtp/${score}?via=email&n=1`);

describe("sending mail over SMTP", () => {
  it("delivers the survey email with its subject, all eleven score links and a plain-text part", async () => {
    const { html, text } = await renderSurveyEmail({
      brand: "Northwind Markets",
      brandColor: "#1f4e79",
      locale: "en",
      question: "How likely are you to recommend Northwind Markets to a friend or colleague?",
      greetingName: "Anna",
      scoreUrls,
      unsubscribeUrl: "https://nps.example/s/tok_smtp/unsubscribe",
    });

    await sendMail({ to: "anna@customer.example", subject: "A quick question from Northwind Markets", html, text });

    expect(received).toHaveLength(1);
    const mail: ParsedMail = await simpleParser(received[0]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value.map((address) => address.address)).toEqual(["anna@customer.example"]);
    expect(mail.subject).toBe("A quick question from Northwind Markets");
    expect(mail.from?.value[0]?.address).toBe("no-reply@nps-loop.local");
    const receivedHtml = String(mail.html).replaceAll("&amp;", "&");
    for (const url of scoreUrls) expect(receivedHtml).toContain(`href="${url}"`);
    expect(mail.text).toContain(`10 (Extremely likely): ${scoreUrls[10]}`);
    expect(mail.text).toContain("Unsubscribe from these surveys: https://nps.example/s/tok_smtp/unsubscribe");
  });
});
