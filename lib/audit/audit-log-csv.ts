import type { Readable } from "node:stream";
import { toCsv } from "../analytics/exports";
import { db } from "../db/client";
import type { AuditEvent } from "../generated/prisma/client";
import type { Tenant } from "../tenancy/tenant";
import { auditWhere, withActorEmails, type AuditFilter } from "./audit-events";

const BATCH_SIZE = 1_000;

/**
 * The audit log as CSV, newest first, the filter of the page applied: read in keyset batches and streamed, so a
 * long log never sits in memory. `detail` is the entry's JSON (before/after of a change) as written.
 */
export function auditLogCsv(tenant: Tenant, filter: AuditFilter): Readable {
  return toCsv(rows(tenant, filter), [
    ["createdAt", "when"],
    ["who", "who"],
    ["action", "kind"],
    ["subject", "subject"],
    ["detail", "detail"],
  ]);
}

async function* rows(tenant: Tenant, filter: AuditFilter) {
  let cursor: string | null = null;
  do {
    const batch: AuditEvent[] = await db.auditEvent.findMany({
      where: auditWhere(tenant, filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BATCH_SIZE,
      ...(cursor ? { cursor: { id: cursor, organizationId: tenant.organizationId }, skip: 1 } : {}),
    });
    for (const event of await withActorEmails(batch)) {
      yield { ...event, who: event.actorEmail ?? "System", detail: event.detail === null ? "" : JSON.stringify(event.detail) };
    }
    cursor = batch.length === BATCH_SIZE ? batch[batch.length - 1]!.id : null;
  } while (cursor);
}
