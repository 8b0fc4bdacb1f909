import { afterAll, beforeAll } from "vitest";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

/**
 * The SMTP sink of one test file: started before its tests, with SMTP_URL pointing at it (lib/env.ts reads the
 * environment once, so before the file's first mail), and closed after them.
 */
export function smtpSinkForThisFile(): SmtpSink {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
  });
  afterAll(() => sink?.close());
  return new Proxy({} as SmtpSink, { get: (_target, property) => Reflect.get(sink!, property) });
}
