import { z } from "zod";
import { recordAuditEvent } from "../../audit/audit-events";
import { db, type Prisma } from "../../db/client";
import { env } from "../../env";
import { NotFoundError, type Tenant } from "../../tenancy/tenant";
import { ScimError } from "./scim-errors";
import { booleanOf, listResponse, pageOf, parseEqFilter, patchOperationsOf } from "./scim-query";
import { syncProvisionedAccess } from "./provisioning";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

const userInputSchema = z.object({
  userName: z.string().trim().min(1, "userName is required").max(254),
  externalId: z.string().max(256).nullish(),
  displayName: z.string().max(256).nullish(),
  name: z.object({ givenName: z.string().nullish(), familyName: z.string().nullish(), formatted: z.string().nullish() }).partial().nullish(),
  emails: z.array(z.object({ value: z.string(), primary: z.union([z.boolean(), z.string()]).nullish() })).nullish(),
  active: z.unknown().optional(),
});

type ScimUserRow = Prisma.ScimUserGetPayload<{ include: { user: { select: { email: true; name: true } }; groups: { include: { group: true } } } }>;
const INCLUDE = { user: { select: { email: true, name: true } }, groups: { include: { group: true } } } as const;

export function toScimUser(row: ScimUserRow) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    ...(row.displayName ? { displayName: row.displayName, name: { formatted: row.displayName } } : {}),
    emails: [{ value: row.user.email, type: "work", primary: true }],
    active: row.active,
    groups: row.groups.map((g) => ({ value: g.group.id, display: g.group.displayName })),
    meta: { resourceType: "User", created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${env().APP_URL}/scim/v2/Users/${row.id}` },
  };
}

function parseUser(body: unknown) {
  const parsed = userInputSchema.safeParse(body);
  if (!parsed.success) throw new ScimError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), "invalidValue");
  const input = parsed.data;
  const primary = input.emails?.find((e) => e.primary === true || e.primary === "true") ?? input.emails?.[0];
  const email = (primary?.value ?? input.userName).trim().toLowerCase();
  if (!z.email().safeParse(email).success) throw new ScimError(400, "The user needs an email address (emails or an email as userName)", "invalidValue");
  const displayName = input.displayName ?? ([input.name?.givenName, input.name?.familyName].filter(Boolean).join(" ") || input.name?.formatted || null);
  return { userName: input.userName, externalId: input.externalId ?? null, displayName, email, active: input.active === undefined ? true : booleanOf(input.active) };
}

async function findScimUser(tenant: Tenant, id: string, client: Prisma.TransactionClient = db) {
  const row = await client.scimUser.findFirst({ where: { id, organizationId: tenant.organizationId }, include: INCLUDE });
  if (!row) throw new NotFoundError("User");
  return row;
}

export async function getScimUser(tenant: Tenant, id: string) {
  return toScimUser(await findScimUser(tenant, id));
}

export async function listScimUsers(tenant: Tenant, url: URL) {
  const filter = parseEqFilter(url.searchParams.get("filter"), ["userName", "externalId", "id"]);
  const { skip, take, startIndex } = pageOf(url);
  const where: Prisma.ScimUserWhereInput = {
    organizationId: tenant.organizationId,
    ...(filter?.attribute === "userName" ? { userName: { equals: filter.value, mode: "insensitive" } } : {}),
    ...(filter?.attribute === "externalId" ? { externalId: filter.value } : {}),
    ...(filter?.attribute === "id" ? { id: filter.value } : {}),
  };
  const [total, rows] = await Promise.all([
    db.scimUser.count({ where }),
    db.scimUser.findMany({ where, include: INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  return listResponse(rows.map(toScimUser), total, startIndex);
}

export async function createScimUser(tenant: Tenant, body: unknown) {
  const input = parseUser(body);
  const id = await db.$transaction(async (tx) => {
    const taken = await tx.scimUser.findFirst({ where: { organizationId: tenant.organizationId, userName: { equals: input.userName, mode: "insensitive" } } });
    if (taken) throw new ScimError(409, `A user with userName "${input.userName}" exists`, "uniqueness");
    const user = await tx.user.upsert({ where: { email: input.email }, create: { email: input.email, name: input.displayName }, update: {} });
    if (await tx.scimUser.findFirst({ where: { organizationId: tenant.organizationId, userId: user.id } })) {
      throw new ScimError(409, `A user with email "${input.email}" exists`, "uniqueness");
    }
    const { email: _email, ...fields } = input;
    const row = await tx.scimUser.create({ data: { ...fields, organizationId: tenant.organizationId, userId: user.id } });
    await recordAuditEvent(tenant, { action: "scim_user_provisioned", subject: user.id, detail: { userName: input.userName, active: input.active } }, tx);
    await syncProvisionedAccess(tenant, [row.id], tx);
    return row.id;
  });
  return getScimUser(tenant, id);
}

type UserChange = Partial<{ userName: string; externalId: string | null; displayName: string | null; active: boolean }>;

async function changeScimUser(tenant: Tenant, id: string, change: (row: ScimUserRow) => UserChange) {
  await db.$transaction(async (tx) => {
    const row = await findScimUser(tenant, id, tx);
    const data = change(row);
    if (data.userName && data.userName.toLowerCase() !== row.userName.toLowerCase()) {
      const taken = await tx.scimUser.findFirst({ where: { organizationId: tenant.organizationId, userName: { equals: data.userName, mode: "insensitive" } } });
      if (taken) throw new ScimError(409, `A user with userName "${data.userName}" exists`, "uniqueness");
    }
    await tx.scimUser.updateMany({ where: { id: row.id, organizationId: tenant.organizationId }, data });
    await recordAuditEvent(tenant, { action: "scim_user_changed", subject: row.userId, detail: data }, tx);
    await syncProvisionedAccess(tenant, [row.id], tx);
  });
  return getScimUser(tenant, id);
}

/** PUT: the whole resource again. The person's email stays: it is their sign-in identity in every tenant. */
export async function replaceScimUser(tenant: Tenant, id: string, body: unknown) {
  const { email: _email, ...input } = parseUser(body);
  return changeScimUser(tenant, id, () => input);
}

const USER_PATHS: Record<string, keyof UserChange> = { active: "active", username: "userName", externalid: "externalId", displayname: "displayName", "name.formatted": "displayName" };

function userChangeOf(path: string, value: unknown, op: string): UserChange {
  const field = USER_PATHS[path.toLowerCase()];
  // Attributes this app does not keep (emails, titles, the enterprise extension): accepted and ignored.
  if (!field) return {};
  if (field === "active") return op === "remove" ? {} : { active: booleanOf(value) };
  if (op === "remove") return field === "userName" ? {} : { [field]: null };
  if (typeof value !== "string" || !value.trim()) throw new ScimError(400, `${path} must be a non-empty string`, "invalidValue");
  return { [field]: value.trim() };
}

/** PATCH in the shapes Okta and Entra ID send: `{op, path, value}`, or a value object of attributes without a path. */
export async function patchScimUser(tenant: Tenant, id: string, body: Record<string, unknown>) {
  const operations = patchOperationsOf(body);
  return changeScimUser(tenant, id, () => {
    const change: UserChange = {};
    for (const { op, path, value } of operations) {
      if (path) Object.assign(change, userChangeOf(path, value, op));
      else if (value && typeof value === "object") for (const [key, v] of Object.entries(value)) Object.assign(change, userChangeOf(key, v, op));
      else throw new ScimError(400, "An operation without a path needs an object value", "invalidValue");
    }
    return change;
  });
}

/** Deprovisioning: the person leaves the tenant's directory, their membership and sessions end. */
export async function deleteScimUser(tenant: Tenant, id: string) {
  await db.$transaction(async (tx) => {
    const row = await findScimUser(tenant, id, tx);
    await tx.scimUser.updateMany({ where: { id: row.id, organizationId: tenant.organizationId }, data: { active: false } });
    await syncProvisionedAccess(tenant, [row.id], tx);
    await tx.scimUser.deleteMany({ where: { id: row.id, organizationId: tenant.organizationId } });
    await recordAuditEvent(tenant, { action: "scim_user_deleted", subject: row.userId, detail: { userName: row.userName } }, tx);
  });
}
