import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "../../audit/audit-events";
import { db } from "../../db/client";
import { NotFoundError, type Member, type Tenant } from "../../tenancy/tenant";

// "scim_" and 32 random bytes: unguessable, and recognisable when it leaks into a log.
const TOKEN_PREFIX = "scim_";
const SHOWN_PREFIX_LENGTH = 13;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new bearer token for the tenant's provisioning client: the returned `token` is the only time it exists in clear. */
export async function createScimToken(member: Member, name: string) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  await db.$transaction(async (tx) => {
    const record = await tx.scimToken.create({
      data: { organizationId: member.organizationId, name, prefix: token.slice(0, SHOWN_PREFIX_LENGTH), tokenHash: digest(token), createdBy: member.userId },
    });
    await recordAuditEvent(member, { action: "scim_token_created", subject: record.id, detail: { name } }, tx);
  });
  return token;
}

export async function listScimTokens(tenant: Tenant) {
  return db.scimToken.findMany({
    where: { organizationId: tenant.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeScimToken(member: Member, tokenId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.scimToken.updateMany({ where: { id: tokenId, organizationId: member.organizationId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new NotFoundError("SCIM token");
    await recordAuditEvent(member, { action: "scim_token_revoked", subject: tokenId }, tx);
  });
}

/** The tenant an `Authorization: Bearer scim_…` header provisions; null for a missing, unknown or revoked token. */
export async function authenticateScimToken(authorization: string | null, now = new Date()): Promise<Tenant | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) return null;
  const token = await db.scimToken.findUnique({ where: { tokenHash: digest(match[1]!) }, select: { id: true, organizationId: true, revokedAt: true, lastUsedAt: true } });
  if (!token || token.revokedAt) return null;
  // Provisioning sends bursts; "last used" to the minute is enough and spares a write per request.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.scimToken.updateMany({ where: { id: token.id, organizationId: token.organizationId }, data: { lastUsedAt: now } });
  }
  return { organizationId: token.organizationId };
}
