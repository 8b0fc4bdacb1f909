import { db, type Prisma } from "../db/client";
import type { Member, Tenant } from "../tenancy/tenant";

export type AuditAction =
  | "sign_in"
  | "member_invited"
  | "member_changed"
  | "member_removed"
  | "export"
  | "contact_exported"
  | "contact_erased"
  | "retention_applied"
  | "staff_locale_changed"
  // Enterprise identity (lib/identity/).
  | "sso_settings_changed"
  | "sso_group_mapping_added"
  | "sso_group_mapping_removed"
  | "scim_token_created"
  | "scim_token_revoked"
  | "scim_user_provisioned"
  | "scim_user_changed"
  | "scim_user_deleted"
  | "scim_group_changed"
  | "member_access_granted"
  | "member_access_revoked"
  | "session_ended";

/**
 * The acting person, when the tenant handle is a signed-in member; system work (jobs) has none. Any member may be
 * recorded, a store manager too: the log is the tenant's, not a store's.
 */
export function actorOf(tenant: Tenant | Member): string | null {
  return "userId" in tenant && typeof tenant.userId === "string" ? tenant.userId : null;
}

export async function recordAuditEvent(
  tenant: Tenant | Member,
  event: { action: AuditAction; subject?: string | null; detail?: Prisma.InputJsonValue },
  client: Prisma.TransactionClient = db,
) {
  await client.auditEvent.create({
    data: {
      organizationId: tenant.organizationId,
      actorId: actorOf(tenant),
      action: event.action,
      subject: event.subject ?? null,
      detail: event.detail,
    },
  });
}

export async function listAuditEvents(tenant: Tenant, options: { cursor?: string; take?: number } = {}) {
  const take = options.take ?? 50;
  const events = await db.auditEvent.findMany({
    where: { organizationId: tenant.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
  const actors = await db.user.findMany({
    where: { id: { in: events.map((event) => event.actorId).filter((id): id is string => Boolean(id)) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
  return {
    events: events.slice(0, take).map((event) => ({ ...event, actorEmail: event.actorId ? emailOf.get(event.actorId) ?? null : null })),
    nextCursor: events.length > take ? events[take - 1].id : null,
  };
}
