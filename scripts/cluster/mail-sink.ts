import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// The mail server every process sends to: it keeps each message it acknowledged, by recipient, so the run can
// tell a customer mailed twice from one never mailed, and hands each survey email to the customers who click.

export type Mail = { to: string; text: string };

export type MailSink = {
  mails: Mail[];
  /** Messages acknowledged (counted at the 250, before parsing). */
  acknowledged: () => number;
  onMail: (listener: (mail: Mail) => void) => void;
  close: () => Promise<void>;
};

export async function startMailSink(port: number): Promise<MailSink> {
  const mails: Mail[] = [];
  const listeners: ((mail: Mail) => void)[] = [];
  let acknowledged = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // Read before the 250: the server starts a new envelope once the message is acknowledged.
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(",");
      stream.on("end", () => {
        acknowledged += 1;
        callback();
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          const mail = { to, text: parsed.text ?? "" };
          mails.push(mail);
          for (const listener of listeners) listener(mail);
        });
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    mails,
    acknowledged: () => acknowledged,
    onMail: (listener) => listeners.push(listener),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The survey link's token in a survey email, and the sign-in link in a sign-in email. */
export const surveyTokenOf = (text: string) => /\/s\/([A-Za-z0-9_-]{32})/.exec(text)?.[1];
export const signInLinkOf = (text: string) => /(https?:\/\/\S+\/api\/auth\/callback\/email\?\S+)/.exec(text)?.[1];
