import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type AcceptedMail = { to: string; text: string };

export type FaultSmtp = {
  url: string;
  /** Every message the server answered 250 to, in order. */
  accepted: () => Promise<AcceptedMail[]>;
  acceptedCount: () => number;
  /** Stops listening and drops every open connection (421), as a crashed or restarted mail server would. */
  down: () => Promise<void>;
  up: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a fixed loopback port that a fault script can take down and bring back: clients then
 * find the port closed (ECONNREFUSED), and connections open at that moment are cut.
 * `delayMs` holds each message before the 250, like a slow relay, so that a batch is in flight for a while.
 */
export async function startFaultSmtp(port: number, options: { delayMs?: number } = {}): Promise<FaultSmtp> {
  const raws: Buffer[] = [];
  let server: SMTPServer | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        closeTimeout: 100,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            setTimeout(() => {
              // Counted at the moment of the 250: what the server has "got" is exactly what it acknowledged.
              raws.push(Buffer.concat(chunks));
              callback();
            }, options.delayMs ?? 0);
          });
        },
      });
      smtp.on("error", () => undefined);
      smtp.server.once("error", reject);
      smtp.listen(port, "127.0.0.1", () => {
        server = smtp;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
    });
  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    acceptedCount: () => raws.length,
    accepted: async () =>
      Promise.all(
        raws.map(async (raw) => {
          const mail = await simpleParser(raw);
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
          return { to: to.join(","), text: mail.text ?? "" };
        }),
      ),
    down: stop,
    up: listen,
    close: stop,
  };
}
