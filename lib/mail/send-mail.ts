import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import pLimit, { type LimitFunction } from "p-limit";
import { db, type Prisma } from "../db/client";
import { env, usesOutbox } from "../env";
import { currentRequestId, logger } from "../logging/logger";
import { metrics } from "../metrics/metrics";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  organizationId?: string | null;
  headers?: Record<string, string>;
  /** What the mail is, for the metrics and logs: survey, alert, sign-in, digest … */
  kind?: string;
};

let transport: Transporter | undefined;

// One pool of reused SMTP connections per process: a new connection per message (TCP, EHLO, maybe TLS and AUTH)
// caps sending at a few dozen mails a second. nodemailer reads the pool settings from the URL's query.
function smtpTransport(smtpUrl: string): Transporter {
  if (!transport) {
    const { SMTP_POOL_SIZE, SMTP_RATE_PER_SECOND } = env();
    const url = new URL(smtpUrl);
    url.searchParams.set("pool", "true");
    url.searchParams.set("maxConnections", String(SMTP_POOL_SIZE));
    url.searchParams.set("maxMessages", "1000");
    if (SMTP_RATE_PER_SECOND > 0) {
      url.searchParams.set("rateDelta", "1000");
      url.searchParams.set("rateLimit", String(SMTP_RATE_PER_SECOND));
    }
    transport = Object.assign(nodemailer.createTransport(url.toString()), { getSocket: openWithoutDelay });
  }
  return transport;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * nodemailer's own sockets keep Nagle's algorithm on: the last few bytes of every message then wait for the
 * server's delayed ACK of the ones before (~40 ms on Linux), which held each pooled connection to about twenty
 * messages a second. Connected here with no delay instead; TLS (port 465 or STARTTLS) stays nodemailer's. When
 * this connection fails, nodemailer is told to connect by itself (`false`): its pool only retires a connection
 * that failed in its own hands, and handed an error here it would keep the dead one and stall every message after.
 */
export function openWithoutDelay(options: { host?: string; port?: number; secure?: boolean }, callback: (error: null, socket: { connection: net.Socket } | false) => void) {
  // nodemailer's defaults where the URL names no host or port.
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host || "localhost", port, noDelay: true, timeout: CONNECT_TIMEOUT_MS });
  const connectYourself = () => {
    socket.destroy();
    callback(null, false);
  };
  socket.once("error", connectYourself);
  socket.once("timeout", connectYourself);
  socket.once("connect", () => {
    socket.removeListener("error", connectYourself);
    socket.removeListener("timeout", connectYourself);
    socket.setTimeout(0);
    callback(null, { connection: socket });
  });
}

let connectionSlots: LimitFunction | undefined;

/**
 * Runs `work` (claim one message, hand it over, record the outcome) when one of this process's SMTP connections is
 * free. A job batch claims nothing ahead of the pool: a worker killed mid-batch leaves at most one claimed but
 * unconfirmed message per connection, each really in transfer, and the rest of its batch unclaimed for the next
 * worker. (Claiming the whole batch first stranded every claimed message still waiting for a connection.)
 */
export function withSmtpConnection<T>(work: () => Promise<T>): Promise<T> {
  connectionSlots ??= pLimit(env().SMTP_POOL_SIZE);
  return connectionSlots(work);
}

/** Whether the SMTP server takes connections again (the sending engine probes it during an outage). */
export async function verifySmtp(): Promise<void> {
  const { SMTP_URL } = env();
  if (SMTP_URL) await smtpTransport(SMTP_URL).verify();
}

/**
 * The one way mail leaves the app: over SMTP when SMTP_URL is set, otherwise (demo mode only) into the outbox table
 * that the demo's /outbox page shows (so a person can open the survey email and click a score). Outside demo mode
 * without SMTP_URL the app refuses to start; should it run anyway, mail fails rather than land in a table.
 * `outboxClient` lets a caller commit the outbox row with its own transaction (lib/mail/send-once.ts).
 */
export async function sendMail(mail: OutgoingMail, outboxClient: Prisma.TransactionClient = db): Promise<void> {
  const kind = mail.kind ?? "other";
  const started = performance.now();
  try {
    await transmit(mail, outboxClient);
  } catch (error) {
    // A reply in 5xx: refused for good. Anything else (4xx, no connection, a cut): not sent, and the job retries.
    const { responseCode } = (error ?? {}) as { responseCode?: number };
    const outcome = typeof responseCode === "number" && responseCode >= 500 ? "failed" : "deferred";
    metrics().emails.inc({ kind, outcome });
    logger().warn({ event: "mail " + outcome, kind, organizationId: mail.organizationId, responseCode, err: error }, `mail ${outcome}`);
    throw error;
  }
  metrics().emails.inc({ kind, outcome: "sent" });
  logger().info({ event: "mail sent", kind, organizationId: mail.organizationId, ms: Math.round(performance.now() - started) }, "mail sent");
}

async function transmit(mail: OutgoingMail, outboxClient: Prisma.TransactionClient = db): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL && !usesOutbox()) throw new Error("SMTP_URL is not set, and outside demo mode there is no outbox");
  if (SMTP_URL) {
    // The request that caused the mail (a click, through its alert job): lets a person trace a mail in the logs.
    const requestId = currentRequestId();
    const headers = requestId ? { ...mail.headers, "X-Request-Id": requestId } : mail.headers;
    await smtpTransport(SMTP_URL).sendMail({
      from: MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      // Encodings chosen rather than detected (nodemailer's detection counts every letter by regular expression).
      // The HTML as base64: our markup is one long line full of "=", which quoted-printable escapes and wraps in
      // JavaScript (13 kB and 1.8 ms of CPU for an alert, against 9.6 kB and 0.8 ms). The text part stays readable.
      text: mail.text,
      textEncoding: "quoted-printable",
      alternatives: [{ contentType: "text/html; charset=utf-8", content: mail.html, contentTransferEncoding: "base64" }],
      headers,
    });
    return;
  }
  await outboxClient.outboxMessage.create({
    data: {
      organizationId: mail.organizationId ?? null,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
    },
  });
}
