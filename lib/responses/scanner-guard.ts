import { subSeconds } from "date-fns";
import { db, type Prisma } from "../db/client";

// Corporate mail gateways open every link of a message within seconds of delivery. A customer clicks one score;
// a scanner opens all eleven. We hold what does not look like a person and never count a burst.

/** Agents that announce themselves as link checkers, crawlers or HTTP libraries rather than browsers. */
const NON_BROWSER_AGENT =
  /bot|crawl|spider|scan|preview|proofpoint|mimecast|barracuda|urldefense|safelinks|headless|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|libwww|httpclient|^$/i;

export type ClickKind = "browser" | "non_browser";

/**
 * A browser opening a link sends a browser user agent and either its languages or Fetch metadata; gateways and
 * scripts usually send neither. Such requests are asked to confirm instead of being recorded.
 */
export function classifyClick(headers: Headers): ClickKind {
  const agent = headers.get("user-agent") ?? "";
  if (NON_BROWSER_AGENT.test(agent) || !/mozilla\//i.test(agent)) return "non_browser";
  const browserSignals = headers.has("accept-language") || headers.has("sec-fetch-mode");
  return browserSignals ? "browser" : "non_browser";
}

/** A person changes their mind once; opening a third different score within this window is a machine. */
export const BURST_WINDOW_SECONDS = 20;
const BURST_OTHER_SCORES = 2;

export type ClickVerdict = "recorded" | "held_agent" | "held_burst";

type ScreenedLink = { id: string; organizationId: string };

/** A click from a non-browser: logged as held, nothing else (the confirmation page asks a person to press). */
export async function holdAgentClick(link: ScreenedLink, score: number, headers: Headers, now = new Date()) {
  await db.scoreClick.create({ data: { ...clickRow(link, score, headers, now), verdict: "held_agent" } });
}

/**
 * Logs a browser's click and decides whether it may be recorded, in the transaction that then records it
 * (lib/responses/record-score.ts), under the email's lock (lockEmail): a burst sees the responses
 * the clicks before it wrote, and a click's write sees every burst before it. On a burst, a response the burst
 * itself created (in the window, without a comment) is discarded, so none of the scanner's scores reaches the
 * figures or the queue.
 */
export async function screenClick(
  tx: Prisma.TransactionClient,
  link: ScreenedLink,
  score: number,
  headers: Headers,
  now = new Date(),
): Promise<Exclude<ClickVerdict, "held_agent">> {
  const windowStart = subSeconds(now, BURST_WINDOW_SECONDS);
  const recent = await tx.scoreClick.findMany({
    where: { surveySendId: link.id, createdAt: { gte: windowStart }, score: { not: score } },
    distinct: ["score"],
    select: { score: true },
  });
  const verdict = recent.length >= BURST_OTHER_SCORES ? "held_burst" : "recorded";
  await tx.scoreClick.create({ data: { ...clickRow(link, score, headers, now), verdict } });
  if (verdict === "held_burst") {
    await tx.response.deleteMany({
      where: { surveySendId: link.id, organizationId: link.organizationId, respondedAt: { gte: windowStart }, comment: null },
    });
  }
  return verdict;
}

/**
 * Clicks on one email take turns: parallel scanner requests see each other's clicks, and each write sees the
 * response and follow-up the one before it left. Taken first in every transaction that records a score.
 */
export async function lockEmail(tx: Prisma.TransactionClient, sendId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${sendId}))`;
}

/** The click's user agent as logged, for telling scanners apart later. */
export function clickUserAgent(headers: Headers): string | null {
  return headers.get("user-agent")?.slice(0, 300) ?? null;
}

function clickRow(link: ScreenedLink, score: number, headers: Headers, now: Date) {
  return { organizationId: link.organizationId, surveySendId: link.id, score, userAgent: clickUserAgent(headers), createdAt: now };
}

/** How many clicks were held as a scanner's, for the tenant's figures. */
export async function countHeldClicks(organizationId: string, range: { from: Date; to: Date }) {
  return db.scoreClick.count({
    where: { organizationId, verdict: { not: "recorded" }, createdAt: { gte: range.from, lt: range.to } },
  });
}
