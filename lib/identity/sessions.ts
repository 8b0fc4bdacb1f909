import { randomBytes } from "node:crypto";
import Bowser from "bowser";
import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { hasRole } from "../members/members";
import { NotFoundError, type Member } from "../tenancy/tenant";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// "Last seen" to within five minutes is what an admin needs, and spares a write on every request.
const LAST_SEEN_PRECISION_MS = 5 * 60_000;

export type SignInMethod = "magic_link" | "oidc" | "saml" | "demo";

/** A database session as next-auth makes one, so the rest of the app reads it unchanged. */
export async function createSession(userId: string, method: SignInMethod, userAgent: string | null, now = new Date()) {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId, expires, method, userAgent: userAgent?.slice(0, 500), lastSeenAt: now } });
  return { sessionToken, expires };
}

/** Called as a session is read: records when and from which browser, at most every few minutes per session. */
export async function touchSession(sessionToken: string, userAgent: string | null, now = new Date()) {
  await db.session.updateMany({
    where: { sessionToken, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_PRECISION_MS) } }] },
    data: { lastSeenAt: now, ...(userAgent ? { userAgent: userAgent.slice(0, 500) } : {}) },
  });
}

/** "Chrome 156 on Linux" from a browser's User-Agent. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const name = [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ");
  return [name || "Unknown browser", os.name && `on ${os.name}`].filter(Boolean).join(" ");
}

/** Admins: every active session of the tenant's members; anyone else: their own. */
export async function listActiveSessions(member: Member, now = new Date()) {
  const ofTenant = hasRole(member, "admin");
  const sessions = await db.session.findMany({
    where: {
      expires: { gt: now },
      ...(ofTenant ? { user: { memberships: { some: { organizationId: member.organizationId } } } } : { userId: member.userId }),
    },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, userAgent: true, method: true, user: { select: { email: true } } },
    orderBy: [{ lastSeenAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 500,
  });
  return sessions.map(({ user, userAgent, ...session }) => ({ ...session, email: user.email, device: describeDevice(userAgent) }));
}

/** Ends one session: an admin any of their tenant's members', anyone else only their own. Unknown: not found. */
export async function endSession(member: Member, sessionId: string) {
  const ofTenant = hasRole(member, "admin");
  await db.$transaction(async (tx) => {
    const session = await tx.session.findFirst({
      where: { id: sessionId, ...(ofTenant ? { user: { memberships: { some: { organizationId: member.organizationId } } } } : { userId: member.userId }) },
      select: { id: true, userId: true },
    });
    if (!session) throw new NotFoundError("Session");
    await tx.session.deleteMany({ where: { id: session.id, userId: session.userId } });
    await recordAuditEvent(member, { action: "session_ended", subject: session.userId, detail: { sessionId: session.id } }, tx);
  });
}
