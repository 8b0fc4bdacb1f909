import { isDeepStrictEqual } from "node:util";
import { db, type Prisma } from "../db/client";
import type { Member, Tenant } from "../tenancy/tenant";

/** Every kind of entry in the audit log; docs/audit-log.md says what each records (a test keeps the two together). */
export const AUDIT_ACTIONS = [
  "sign_in",
  "member_invited",
  "member_changed",
  "member_removed",
  "export",
  "contact_exported",
  "contact_erased",
  "retention_applied",
  "retention_changed",
  "api_key_created",
  "api_key_revoked",
  "webhook_created",
  "webhook_enabled",
  "webhook_deleted",
  "survey_loop_changed",
  "store_loop_changed",
  "region_manager_changed",
  "customer_service_team_changed",
  "root_cause_created",
  "root_cause_archived",
  "root_cause_restored",
  "sending_policy_changed",
  "survey_created",
  "survey_settings_changed",
  "survey_texts_changed",
  "branding_changed",
  "theme_created",
  "theme_changed",
  "store_created",
  "region_created",
  "contacts_imported",
  "campaign_started",
  "job_retried",
  "digest_sent_now",
  "survey_sent_by_hand",
  "addresses_suppressed",
  "staff_locale_changed",
  // Enterprise identity (lib/identity/).
  "sso_settings_changed",
  "sso_group_mapping_added",
  "sso_group_mapping_removed",
  "scim_token_created",
  "scim_token_revoked",
  "scim_user_provisioned",
  "scim_user_changed",
  "scim_user_deleted",
  "scim_group_changed",
  "member_access_granted",
  "member_access_revoked",
  "session_ended",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a change did to a record's fields: only those it changed, each with the value before and after. */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): Prisma.InputJsonObject {
  const changed = Object.keys(after).filter((key) => !isDeepStrictEqual(before[key], after[key]));
  const pick = (values: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, values[key] ?? null]));
  // Through JSON: dates become ISO strings, as the log keeps them.
  return JSON.parse(JSON.stringify({ before: pick(before), after: pick(after) }));
}

/**
 * The acting person, when the tenant handle is a signed-in member; system work (jobs) has none. Any member may be
 * recorded, a store manager too: the log is the tenant's, not a store's.
 */
export function actorOf(tenant: Tenant | Member): string | null {
  return "userId" in tenant && typeof tenant.userId === "string" ? tenant.userId : null;
}

/** An API call acts with a key, not a person: the key is named in the entry's detail. */
function apiKeyOf(tenant: Tenant | Member): string | null {
  return "apiKeyId" in tenant && typeof tenant.apiKeyId === "string" ? tenant.apiKeyId : null;
}

export async function recordAuditEvent(
  tenant: Tenant | Member,
  event: { action: AuditAction; subject?: string | null; detail?: Prisma.InputJsonObject },
  client: Prisma.TransactionClient = db,
) {
  const apiKeyId = apiKeyOf(tenant);
  await client.auditEvent.create({
    data: {
      organizationId: tenant.organizationId,
      actorId: actorOf(tenant),
      action: event.action,
      subject: event.subject ?? null,
      detail: apiKeyId ? { ...event.detail, apiKeyId } : event.detail,
    },
  });
}

/** Who, what and when to show: a person (a user id, or "system" for jobs and API keys), a kind, UTC days. */
export type AuditFilter = { person?: string; action?: AuditAction; from?: Date; to?: Date };

export function auditWhere(tenant: Tenant, filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    organizationId: tenant.organizationId,
    ...(filter.person ? { actorId: filter.person === "system" ? null : filter.person } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

/** The email of each acting user of these entries; a user gone since keeps their id. */
export async function withActorEmails<E extends { actorId: string | null }>(events: E[]) {
  const actors = await db.user.findMany({
    where: { id: { in: events.map((event) => event.actorId).filter((id): id is string => Boolean(id)) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
  return events.map((event) => ({ ...event, actorEmail: event.actorId ? (emailOf.get(event.actorId) ?? event.actorId) : null }));
}

export async function listAuditEvents(tenant: Tenant, options: AuditFilter & { cursor?: string; take?: number } = {}) {
  const take = options.take ?? 50;
  const events = await db.auditEvent.findMany({
    where: auditWhere(tenant, options),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    // The cursor row must be the tenant's: another tenant's id would otherwise page from its position.
    ...(options.cursor ? { cursor: { id: options.cursor, organizationId: tenant.organizationId }, skip: 1 } : {}),
  });
  return {
    events: await withActorEmails(events.slice(0, take)),
    nextCursor: events.length > take ? events[take - 1].id : null,
  };
}
