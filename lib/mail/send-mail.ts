import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  organizationId?: string | null;
  headers?: Record<string, string>;
};

let transport: Transporter | undefined;

function smtpTransport(smtpUrl: string): Transporter {
  transport ??= nodemailer.createTransport(smtpUrl);
  return transport;
}

/**
 * The one way mail leaves the app: over SMTP when SMTP_URL is set, otherwise into the outbox table that the
 * demo's /outbox page shows (so a person can open the survey email and click a score).
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    await smtpTransport(SMTP_URL).sendMail({
      from: MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
    });
    return;
  }
  await db.outboxMessage.create({
    data: {
      organizationId: mail.organizationId ?? null,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
    },
  });
}
