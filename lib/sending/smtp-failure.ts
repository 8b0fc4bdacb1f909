import { certainlyNotSent } from "../mail/send-once";

export type FailureVerdict =
  | { kind: "bounced"; reason: string }
  | { kind: "failed"; reason: string }
  | { kind: "retry"; reason: string; unreachable: boolean }
  | { kind: "unconfirmed"; reason: string };

/**
 * What an SMTP error means for a send:
 * - 5xx on the recipient: a hard bounce, the address is suppressed;
 * - any other 5xx: the server refused this message for good (failed, not retried);
 * - 4xx, or a connection that failed or closed without the server's final reply: not sent, retried later
 *   (RFC 5321: without the 250 the message is not delivered);
 * - anything else (a timeout after the message was handed over): its fate is unknown, never retried, so that
 *   nobody gets the survey twice.
 */
export function classifySmtpFailure(error: unknown): FailureVerdict {
  const { responseCode, command, code, message } = (error ?? {}) as { responseCode?: number; command?: string; code?: string; message?: string };
  const reason = `${responseCode ? `${responseCode} ` : ""}${message ?? String(error)}`.slice(0, 500);
  if (typeof responseCode === "number" && responseCode >= 500) {
    const onRecipient = command === "RCPT TO" || code === "EENVELOPE";
    return onRecipient ? { kind: "bounced", reason } : { kind: "failed", reason };
  }
  if (certainlyNotSent(error)) {
    const unreachable = responseCode === undefined;
    return { kind: "retry", reason, unreachable };
  }
  return { kind: "unconfirmed", reason: `Unconfirmed: ${reason}` };
}
