import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSurveyEmail } from "@/emails/survey-email";
import { createServer } from "node:net";
import nodemailer from "nodemailer";
import { openWithoutDelay, sendMail } from "@/lib/mail/send-mail";
import { classifySmtpFailure } from "@/lib/sending/smtp-failure";

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
    // The accessible markup survives the trip, and the plain-text part arrives exactly as written.
    expect(receivedHtml).toMatch(/<html\b[^>]*\blang="en"/);
    expect(receivedHtml).toContain('aria-label="7 out of 10"');
    expect(mail.text?.trim()).toBe(text.trim());
    expect(mail.text).not.toContain("out of 10");
  });

  it("fails every message, retryably, when the server refuses connections: none is left hanging in the pool", async () => {
    // A port that was just free and is closed again: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const transport = Object.assign(nodemailer.createTransport(`smtp://127.0.0.1:${port}?pool=true&maxConnections=2`), { getSocket: openWithoutDelay });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => transport.sendMail({ from: "shop@example.test", to: `c${i}@example.test`, subject: "Hi", text: "Hi" })),
    );
    transport.close();

    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(12).fill("rejected"));
    for (const outcome of outcomes) expect(classifySmtpFailure((outcome as PromiseRejectedResult).reason)).toMatchObject({ kind: "retry", unreachable: true });
  });
});
