import { createHash, randomBytes } from "node:crypto";
import { subMinutes } from "date-fns";
import { db } from "../db";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

// "nps_" and 32 random bytes: unguessable, and recognisable when it leaks into a log or a repository.
const KEY_PREFIX = "nps_";
const SHOWN_PREFIX_LENGTH = 12;

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key: the returned `key` is the only time it exists in clear; only its digest is stored. */
export async function createApiKey(tenant: Tenant, input: { name: string; createdBy?: string | null }) {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.apiKey.create({
    data: {
      organizationId: tenant.organizationId,
      name: input.name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      keyHash: digest(key),
      createdBy: input.createdBy ?? null,
    },
  });
  return { key, record };
}

export async function listApiKeys(tenant: Tenant) {
  return db.apiKey.findMany({
    where: { organizationId: tenant.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiKey(tenant: Tenant, keyId: string, now = new Date()) {
  const key = await db.apiKey.findFirst({ where: { id: keyId, organizationId: tenant.organizationId } });
  if (!key) throw new NotFoundError("API key");
  if (!key.revokedAt) await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
}

export type ApiCaller = Tenant & { apiKeyId: string };

const lastUseWritten = new Map<string, number>();

/** The tenant an `Authorization: Bearer <key>` header acts for; null for a missing, unknown or revoked key. */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match || !match[1]!.startsWith(KEY_PREFIX)) return null;
  const key = await db.apiKey.findUnique({ where: { keyHash: digest(match[1]!) }, select: { id: true, organizationId: true, revokedAt: true } });
  if (!key || key.revokedAt) return null;
  // "Last used" to the minute is enough to spot unused keys, and spares a write (and a lock on one row) per request.
  if (now.getTime() - (lastUseWritten.get(key.id) ?? 0) > 60_000) {
    lastUseWritten.set(key.id, now.getTime());
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: subMinutes(now, 1) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { organizationId: key.organizationId, apiKeyId: key.id };
}
