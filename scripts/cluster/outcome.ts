import { expectedRefusals } from "./api-limit";
import type { MailSink } from "./mail-sink";
import type { LoadResult } from "./run-load";
import { API_LIMIT, SENDS, SMTP_POOL_SIZE } from "./settings";
import { customerEmail } from "./survey-sends";

// What the run must show, counted where it ends up: emails at the mail sink by recipient, clicks as responses in
// the database, the API's answers by status.

export type Check = { name: string; figure: string; pass: boolean };

export async function checkOutcome(load: LoadResult, sink: MailSink, organizationId: string, sessionOnEvery: boolean[]): Promise<Check[]> {
  const { db } = await import("../../lib/db/client");
  const checks: Check[] = [];
  const check = (name: string, figure: string, pass: boolean) => checks.push({ name, figure, pass });

  // Emails: each customer once. The killed worker may have held a few in SMTP transfer: those sends stay
  // "sending" (unconfirmed, for a person: never re-sent, lib/sending/deliver-send.ts), at most one per connection.
  const copies = new Map<string, number>();
  for (const mail of sink.mails) copies.set(mail.to, (copies.get(mail.to) ?? 0) + 1);
  const customers = Array.from({ length: SENDS }, (_, i) => customerEmail(i));
  const twice = customers.filter((email) => (copies.get(email) ?? 0) > 1);
  const missing = customers.filter((email) => !copies.has(email));
  const unconfirmed = new Set(
    (await db.surveySend.findMany({ where: { organizationId, status: "sending" }, select: { contact: { select: { email: true } } } })).map((s) => s.contact.email),
  );
  const lostSilently = missing.filter((email) => !unconfirmed.has(email));
  const byStatus = await db.surveySend.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } });
  check("sends accepted through the balancer", `${load.intake.accepted} of ${SENDS} (${load.intake.failedAttempts} batch attempts failed and were sent again, ${load.intake.limited} waited out a 429)`, load.intake.accepted === SENDS && load.intake.refused.length === 0);
  check("customers emailed twice", String(twice.length), twice.length === 0);
  check("customers emailed once", `${SENDS - missing.length - twice.length} of ${SENDS}; sends by status: ${byStatus.map((g) => `${g.status} ${g._count._all}`).join(", ")}`, true);
  check("emails not received, all left unconfirmed by the killed worker", `${missing.length} not received, ${unconfirmed.size} unconfirmed (at most ${SMTP_POOL_SIZE})`, lostSilently.length === 0 && unconfirmed.size <= SMTP_POOL_SIZE);

  // Clicks: each one a response, once, with its score.
  const { clicks } = load;
  const tokens = [...clicks.clicked.keys()];
  const responses = await db.response.findMany({ where: { organizationId, surveySend: { token: { in: tokens } } }, select: { score: true, surveySend: { select: { token: true } } } });
  const perToken = new Map<string, number>();
  for (const response of responses) perToken.set(response.surveySend.token, (perToken.get(response.surveySend.token) ?? 0) + 1);
  const wrongScore = responses.filter((r) => clicks.clicked.get(r.surveySend.token) !== r.score).length;
  const statuses = [...clicks.statuses].map(([status, n]) => `${n} × ${status}`).join(", ");
  check("clicks recorded (303)", `${clicks.clicked.size} of ${clicks.wanted} clicked; answers: ${statuses}`, clicks.clicked.size === clicks.wanted && clicks.lost === 0);
  check("clicks stored once each, with their score", `${responses.length} responses for ${tokens.length} clicked emails, ${[...perToken.values()].filter((n) => n > 1).length} stored twice, ${wrongScore} with another score`, responses.length === tokens.length && perToken.size === tokens.length && wrongScore === 0);

  // Failures seen by clients: at most the requests the dying processes had in hand.
  const inFlight = load.disruptions.reduce((sum, d) => sum + d.inFlight, 0);
  const probe5xx = [...load.probe.statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0) + load.probe.failures;
  const failed = clicks.failedFirstAttempts + load.intake.failedAttempts + probe5xx;
  check("requests failed (5xx or cut) vs in flight on the stopped processes", `${failed} failed (clicks ${clicks.failedFirstAttempts}, send batches ${load.intake.failedAttempts}${load.intake.failures.length ? ` [${load.intake.failures.join(", ")}]` : ""}, API probe ${probe5xx}); ${inFlight} in flight at the kills`, failed <= inFlight);

  // The API limit: what one process gives (the budget once a window), held across three.
  const refused = load.probe.statuses.get(429) ?? 0;
  const expected = expectedRefusals(load.probe, API_LIMIT);
  const drift = expected > 0 ? Math.abs(refused - expected) / expected : 1;
  const allowed = load.probe.statuses.get(200) ?? 0;
  check("API key's 429s vs one process's (beyond the limit in each window)", `${refused} × 429, ${allowed} × 200 in ${load.probe.windows.size} windows; expected ${expected} × 429 (${(drift * 100).toFixed(1)}% off, within 10%)`, drift <= 0.1);

  check("a session made on app3 is accepted by every app process", sessionOnEvery.map((ok, i) => `app${i + 1} ${ok ? "yes" : "NO"}`).join(", "), sessionOnEvery.every(Boolean));
  return checks;
}

export function printChecks(checks: Check[]): boolean {
  console.log("");
  for (const { name, figure, pass } of checks) console.log(`${pass ? "PASS" : "FAIL"}  ${name}: ${figure}`);
  return checks.every((c) => c.pass);
}
