import { subSeconds } from "date-fns";
import { db, type Prisma } from "../db";
import type { SurveyLink } from "./survey-link";

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

/**
 * Logs the click and decides whether it may be recorded. On a burst, a response the burst itself created (in the
 * window, without a comment) is discarded, so none of the scanner's scores reaches the figures or the queue.
 */
export async function screenClick(
  link: SurveyLink,
  score: number,
  headers: Headers,
  now = new Date(),
): Promise<ClickVerdict> {
  const userAgent = headers.get("user-agent")?.slice(0, 300) ?? null;
  const base = { organizationId: link.organizationId, surveySendId: link.id, score, userAgent, createdAt: now };
  if (classifyClick(headers) === "non_browser") {
    await db.scoreClick.create({ data: { ...base, verdict: "held_agent" } });
    return "held_agent";
  }
  return db.$transaction(async (tx) => {
    await lockEmail(tx, link.id);
    const windowStart = subSeconds(now, BURST_WINDOW_SECONDS);
    const recent = await tx.scoreClick.findMany({
      where: { surveySendId: link.id, createdAt: { gte: windowStart }, score: { not: score } },
      distinct: ["score"],
      select: { score: true },
    });
    const verdict: ClickVerdict = recent.length >= BURST_OTHER_SCORES ? "held_burst" : "recorded";
    await tx.scoreClick.create({ data: { ...base, verdict } });
    if (verdict === "held_burst") await discardBurstResponse(tx, link, windowStart);
    return verdict;
  });
}

/**
 * Runs after a recorded click's write: a burst screened while that write was on its way could not delete what
 * did not exist yet, so the write checks for one itself. Taking the email's lock waits for such a burst to commit.
 */
export async function discardIfBurst(link: SurveyLink, now = new Date()) {
  await db.$transaction(async (tx) => {
    await lockEmail(tx, link.id);
    const windowStart = subSeconds(now, BURST_WINDOW_SECONDS);
    const burst = await tx.scoreClick.count({
      where: { surveySendId: link.id, verdict: "held_burst", createdAt: { gte: windowStart } },
    });
    if (burst > 0) await discardBurstResponse(tx, link, windowStart);
  });
}

// Clicks on one email take turns, so parallel scanner requests see each other.
async function lockEmail(tx: Prisma.TransactionClient, sendId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${sendId}))`;
}

async function discardBurstResponse(tx: Prisma.TransactionClient, link: SurveyLink, windowStart: Date) {
  await tx.response.deleteMany({
    where: { surveySendId: link.id, organizationId: link.organizationId, respondedAt: { gte: windowStart }, comment: null },
  });
}

/** How many clicks were held as a scanner's, for the tenant's figures. */
export async function countHeldClicks(organizationId: string, range: { from: Date; to: Date }) {
  return db.scoreClick.count({
    where: { organizationId, verdict: { not: "recorded" }, createdAt: { gte: range.from, lt: range.to } },
  });
}
