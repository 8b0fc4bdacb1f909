import { z } from "zod";
import { recordAuditEvent } from "../../audit/audit-events";
import { db, type Prisma } from "../../db/client";
import { env } from "../../env";
import { NotFoundError, type Tenant } from "../../tenancy/tenant";
import { ScimError } from "./scim-errors";
import { listResponse, pageOf, parseEqFilter, patchOperationsOf, type PatchOperation } from "./scim-query";
import { syncProvisionedAccess } from "./provisioning";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

const membersSchema = z.array(z.object({ value: z.string().min(1) })).max(10_000);
const groupInputSchema = z.object({
  displayName: z.string().trim().min(1, "displayName is required").max(256),
  externalId: z.string().max(256).nullish(),
  members: membersSchema.nullish(),
});

const INCLUDE = { members: { include: { user: { select: { id: true, userName: true } } } } } as const;
type ScimGroupRow = Prisma.ScimGroupGetPayload<{ include: typeof INCLUDE }>;

export function toScimGroup(row: ScimGroupRow, withMembers = true) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(withMembers ? { members: row.members.map((m) => ({ value: m.user.id, display: m.user.userName })) } : {}),
    meta: { resourceType: "Group", created: row.createdAt.toISOString(), lastModified: row.createdAt.toISOString(), location: `${env().APP_URL}/scim/v2/Groups/${row.id}` },
  };
}

function invalid(error: z.ZodError): never {
  throw new ScimError(400, error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), "invalidValue");
}

async function findGroup(tenant: Tenant, id: string, client: Prisma.TransactionClient = db) {
  const row = await client.scimGroup.findFirst({ where: { id, organizationId: tenant.organizationId }, include: INCLUDE });
  if (!row) throw new NotFoundError("Group");
  return row;
}

export async function getScimGroup(tenant: Tenant, id: string, url?: URL) {
  return toScimGroup(await findGroup(tenant, id), !excludesMembers(url));
}

// Okta and Entra ID list groups with excludedAttributes=members: a big group's members are not needed to find it.
const excludesMembers = (url?: URL) => /(^|,)\s*members\s*(,|$)/i.test(url?.searchParams.get("excludedAttributes") ?? "");

export async function listScimGroups(tenant: Tenant, url: URL) {
  const filter = parseEqFilter(url.searchParams.get("filter"), ["displayName", "externalId", "id"]);
  const { skip, take, startIndex } = pageOf(url);
  const where: Prisma.ScimGroupWhereInput = { organizationId: tenant.organizationId, ...(filter ? { [filter.attribute]: filter.value } : {}) };
  const [total, rows] = await Promise.all([
    db.scimGroup.count({ where }),
    db.scimGroup.findMany({ where, include: INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  return listResponse(rows.map((row) => toScimGroup(row, !excludesMembers(url))), total, startIndex);
}

/** Member ids must be people this tenant provisioned: another tenant's are unknown here. */
async function assertMembersOfTenant(tenant: Tenant, ids: readonly string[], tx: Prisma.TransactionClient) {
  if (ids.length === 0) return;
  const found = await tx.scimUser.count({ where: { organizationId: tenant.organizationId, id: { in: [...ids] } } });
  if (found !== new Set(ids).size) throw new ScimError(400, "A member is not a user provisioned here", "invalidValue");
}

async function setMembers(tenant: Tenant, groupId: string, ids: readonly string[], tx: Prisma.TransactionClient) {
  await assertMembersOfTenant(tenant, ids, tx);
  await tx.scimGroupMember.deleteMany({ where: { organizationId: tenant.organizationId, groupId } });
  await tx.scimGroupMember.createMany({ data: [...new Set(ids)].map((scimUserId) => ({ groupId, scimUserId, organizationId: tenant.organizationId })) });
}

async function assertNameFree(tenant: Tenant, displayName: string, exceptId: string | null, tx: Prisma.TransactionClient) {
  const taken = await tx.scimGroup.findFirst({ where: { organizationId: tenant.organizationId, displayName, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (taken) throw new ScimError(409, `A group named "${displayName}" exists`, "uniqueness");
}

export async function createScimGroup(tenant: Tenant, body: unknown) {
  const parsed = groupInputSchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error);
  const input = parsed.data;
  const memberIds = (input.members ?? []).map((m) => m.value);
  const id = await db.$transaction(async (tx) => {
    await assertNameFree(tenant, input.displayName, null, tx);
    const group = await tx.scimGroup.create({ data: { organizationId: tenant.organizationId, displayName: input.displayName, externalId: input.externalId ?? null } });
    await setMembers(tenant, group.id, memberIds, tx);
    await recordAuditEvent(tenant, { action: "scim_group_changed", subject: input.displayName, detail: { created: true, members: memberIds.length } }, tx);
    await syncProvisionedAccess(tenant, memberIds, tx);
    return group.id;
  });
  return getScimGroup(tenant, id);
}

/**
 * Every change to a group ends with the access of each person it touched (before and after) worked out again:
 * a person taken out of their last mapped group is out at once.
 */
async function changeGroup(tenant: Tenant, id: string, change: (group: ScimGroupRow, tx: Prisma.TransactionClient) => Promise<void>) {
  await db.$transaction(async (tx) => {
    const group = await findGroup(tenant, id, tx);
    await change(group, tx);
    const after = await findGroup(tenant, id, tx);
    const touched = new Set([...group.members, ...after.members].map((m) => m.scimUserId));
    await recordAuditEvent(
      tenant,
      { action: "scim_group_changed", subject: after.displayName, detail: { from: group.displayName !== after.displayName ? group.displayName : undefined, members: after.members.length } },
      tx,
    );
    await syncProvisionedAccess(tenant, [...touched], tx);
  });
  return getScimGroup(tenant, id);
}

export async function replaceScimGroup(tenant: Tenant, id: string, body: unknown) {
  const parsed = groupInputSchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error);
  const input = parsed.data;
  return changeGroup(tenant, id, async (group, tx) => {
    await assertNameFree(tenant, input.displayName, group.id, tx);
    await tx.scimGroup.updateMany({ where: { id: group.id, organizationId: tenant.organizationId }, data: { displayName: input.displayName, externalId: input.externalId ?? null } });
    await setMembers(tenant, group.id, (input.members ?? []).map((m) => m.value), tx);
  });
}

// `members[value eq "2819c223"]`: the member a remove names in its path (Okta, Entra ID).
const MEMBER_PATH = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

function memberIdsOf(value: unknown): string[] {
  const parsed = membersSchema.safeParse(Array.isArray(value) ? value : value ? [value] : []);
  if (!parsed.success) invalid(parsed.error);
  return parsed.data.map((m) => m.value);
}

async function applyGroupOperation(tenant: Tenant, group: ScimGroupRow, { op, path, value }: PatchOperation, tx: Prisma.TransactionClient) {
  const where = { organizationId: tenant.organizationId, groupId: group.id };
  const memberPath = path?.match(MEMBER_PATH);
  if (memberPath) {
    if (op !== "remove") throw new ScimError(400, "Only remove takes a member filter path", "invalidPath");
    await tx.scimGroupMember.deleteMany({ where: { ...where, scimUserId: memberPath[1] } });
  } else if (path?.toLowerCase() === "members") {
    const ids = memberIdsOf(value);
    if (op === "replace") return setMembers(tenant, group.id, ids, tx);
    if (op === "remove") {
      await tx.scimGroupMember.deleteMany({ where: { ...where, ...(ids.length ? { scimUserId: { in: ids } } : {}) } });
      return;
    }
    await assertMembersOfTenant(tenant, ids, tx);
    await tx.scimGroupMember.createMany({ data: ids.map((scimUserId) => ({ ...where, scimUserId })), skipDuplicates: true });
  } else if (path?.toLowerCase() === "displayname" || (!path && value && typeof value === "object")) {
    const fields = path ? { displayName: value } : (value as Record<string, unknown>);
    if (typeof fields.displayName === "string" && fields.displayName.trim()) {
      await assertNameFree(tenant, fields.displayName.trim(), group.id, tx);
      await tx.scimGroup.updateMany({ where: { id: group.id, organizationId: tenant.organizationId }, data: { displayName: fields.displayName.trim() } });
    }
    if (!path && Array.isArray(fields.members)) await applyGroupOperation(tenant, group, { op, path: "members", value: fields.members }, tx);
  } else if (path?.toLowerCase() !== "externalid") {
    throw new ScimError(400, `Unsupported path "${path}"`, "invalidPath");
  }
}

export async function patchScimGroup(tenant: Tenant, id: string, body: Record<string, unknown>) {
  const operations = patchOperationsOf(body);
  return changeGroup(tenant, id, async (group, tx) => {
    for (const operation of operations) await applyGroupOperation(tenant, group, operation, tx);
  });
}

export async function deleteScimGroup(tenant: Tenant, id: string) {
  await db.$transaction(async (tx) => {
    const group = await findGroup(tenant, id, tx);
    await tx.scimGroup.deleteMany({ where: { id: group.id, organizationId: tenant.organizationId } });
    await recordAuditEvent(tenant, { action: "scim_group_changed", subject: group.displayName, detail: { deleted: true } }, tx);
    await syncProvisionedAccess(tenant, group.members.map((m) => m.scimUserId), tx);
  });
}
