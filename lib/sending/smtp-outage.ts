import { verifySmtp } from "../mail/send-mail";

// While the SMTP server is unreachable, sending more only turns queued sends into retries. The first connection
// failure opens an outage; workers then wait (bounded) instead of claiming, while one probe a second or so asks
// the server until it answers. Per process: each worker learns of an outage from its own first failure.

let outage: Promise<void> | null = null;

// At most a second between probes: each is one connection and EHLO, and every second of a longer gap is a second
// the queue waits after the server is back (with 5 s, a 10 s outage cost almost 13).
const PROBE_EVERY_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

export function reportSmtpUnreachable(): void {
  outage ??= probeUntilReachable().finally(() => {
    outage = null;
  });
}

/** Resolves at once without an outage, else when the server answers again or after `maxWaitMs`. */
export async function smtpReachable(maxWaitMs: number): Promise<void> {
  if (outage) await Promise.race([outage, sleep(maxWaitMs)]);
}

async function probeUntilReachable(): Promise<void> {
  for (let delay = 250; ; delay = Math.min(delay * 2, PROBE_EVERY_MS)) {
    await sleep(delay);
    try {
      await verifySmtp();
      return;
    } catch {
      // still down
    }
  }
}
