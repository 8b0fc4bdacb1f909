import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkBehaviour = { rejectRecipient?: (address: string) => { code: number; message: string } | null };

/** A real SMTP server on loopback that keeps every message it accepted, parsed. */
export async function startSmtpSink(behaviour: SinkBehaviour = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rejection = behaviour.rejectRecipient?.(address.address);
      if (!rejection) return callback();
      const error = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address: string) => received.filter((mail) => JSON.stringify(mail.to).includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
