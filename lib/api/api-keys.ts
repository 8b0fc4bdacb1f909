import { createHash, randomBytes } from "node:crypto";
import { subMinutes } from "date-fns";
import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { announceRevocation, forgetRemembered, revocationEpoch } from "./access-revoked";

// "nps_" and 32 random bytes: unguessable, and recognisable when it leaks into a log or a repository.
const KEY_PREFIX = "nps_";
const SHOWN_PREFIX_LENGTH = 12;

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key: the returned `key` is the only time it exists in clear; only its digest is stored. */
export async function createApiKey(tenant: Tenant, input: { name: string; createdBy?: string | null }) {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        organizationId: tenant.organizationId,
        name: input.name,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        keyHash: digest(key),
        createdBy: input.createdBy ?? null,
      },
    });
    await recordAuditEvent(tenant, { action: "api_key_created", subject: created.id, detail: { name: created.name, prefix: created.prefix } }, tx);
    return created;
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
  // Announced even when already revoked: a revocation written some other way still reaches every process's cache.
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, organizationId: tenant.organizationId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) await recordAuditEvent(tenant, { action: "api_key_revoked", subject: key.id, detail: { name: key.name, prefix: key.prefix } }, tx);
    await announceRevocation(tx, `api-key:${key.id}`);
  });
  forgetRemembered();
}

export type ApiCaller = Tenant & { apiKeyId: string };

const lastUseWritten = new Map<string, number>();

// Every API call presents its key, and an integration sends hundreds a second: a key found is remembered for a
// few seconds per process rather than read on each call. A revocation reaches every process's memory as it
// commits (access-revoked.ts), so it holds everywhere at once; KEY_TTL_MS only bounds a change made in the
// database by hand. Unknown keys are never remembered: nothing to fill memory with.
const KEY_TTL_MS = 5_000;
const KEY_CACHE_LIMIT = 10_000;
type KnownKey = { id: string; organizationId: string; revokedAt: Date | null };
const keysByDigest = new Map<string, { at: number; epoch: number; key: KnownKey }>();

async function findKey(keyHash: string, now: number): Promise<KnownKey | null> {
  const before = revocationEpoch();
  const cached = keysByDigest.get(keyHash);
  if (cached && cached.epoch === before.epoch && now - cached.at < KEY_TTL_MS) return cached.key;
  const key = await db.apiKey.findUnique({ where: { keyHash }, select: { id: true, organizationId: true, revokedAt: true } });
  if (!key) return null;
  // Read before a revocation announced meanwhile committed, the row may be stale: answered, not kept.
  if (!before.trusted || revocationEpoch().epoch !== before.epoch) return key;
  if (keysByDigest.size >= KEY_CACHE_LIMIT) keysByDigest.clear();
  keysByDigest.set(keyHash, { at: now, epoch: before.epoch, key });
  return key;
}

/** The tenant an `Authorization: Bearer <key>` header acts for; null for a missing, unknown or revoked key. */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match || !match[1]!.startsWith(KEY_PREFIX)) return null;
  const key = await findKey(digest(match[1]!), now.getTime());
  if (!key || key.revokedAt) return null;
  // "Last used" to the minute is enough to spot unused keys, and spares a write (and a lock on one row) per request.
  if (now.getTime() - (lastUseWritten.get(key.id) ?? 0) > 60_000) {
    lastUseWritten.set(key.id, now.getTime());
    await db.apiKey.updateMany({
      where: { id: key.id, organizationId: key.organizationId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: subMinutes(now, 1) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { organizationId: key.organizationId, apiKeyId: key.id };
}
