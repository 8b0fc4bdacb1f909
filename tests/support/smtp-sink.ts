import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  mails: ParsedMail[];
  /** Mails to one address, in arrival order. */
  to: (address: string) => ParsedMail[];
  /** Waits until `count` mails to `address` have arrived (or fails after `timeoutMs`). */
  waitFor: (address: string, count?: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  /** Makes the server refuse the next `times` messages with a temporary error, as a full mailbox would. */
  refuseNext: (times: number) => void;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on loopback that keeps every mail it accepts, parsed, for a test to read. `onMessage` hears of
 * each accepted message at once, before parsing (the alert bench times acceptance with it); `keep: false` keeps
 * nothing, for a bench that shares the cores with the app and would otherwise spend them parsing.
 */
export async function startSmtpSink(onMessage?: (raw: Buffer) => void, { keep = true } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // nodemailer keeps pooled connections open; do not wait 30 s for them when the test closes the server.
    closeTimeout: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        onMessage?.(raw);
        if (keep) mails.push(await simpleParser(raw));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const to = (address: string) =>
    mails.filter((mail) => {
      const recipients = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      return recipients.some((r) => r.value.some((v) => v.address === address));
    });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    to,
    refuseNext: (times) => {
      refusals = times;
    },
    waitFor: async (address, count = 1, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (to(address).length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} mail(s) to ${address}, got ${to(address).length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
