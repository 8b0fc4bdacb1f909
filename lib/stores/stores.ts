import { recordAuditEvent } from "../audit/audit-events";
import { db, type PrismaClient } from "../db/client";
import { InputError, isUniqueViolation } from "../forms/input-error";
import { NotFoundError, type Member, type Tenant } from "../tenancy/tenant";
import type { RegionInput, StoreInput } from "./schemas";

/** `reader`: lib/db/read-replica.ts's client for pages that may read a moment behind (the analytics views). */
export async function listRegions(tenant: Tenant, reader: PrismaClient = db) {
  return reader.region.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { name: "asc" } });
}

export async function createRegion(tenant: Tenant, input: RegionInput) {
  try {
    return await db.$transaction(async (tx) => {
      const region = await tx.region.create({ data: { organizationId: tenant.organizationId, name: input.name } });
      await recordAuditEvent(tenant, { action: "region_created", subject: region.id, detail: { name: region.name } }, tx);
      return region;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ name: "A region with this name exists already" });
    throw error;
  }
}

/** The stores a member may see: all of the tenant's, or a store manager's own. */
export async function listStores(member: Member, reader: PrismaClient = db) {
  return reader.store.findMany({
    where: visibleTo(member),
    include: { region: { select: { name: true } } },
    orderBy: [{ name: "asc" }],
  });
}

/**
 * The names and regions of the stores a member may see, for leaderboards and filters: a retailer's thousands of
 * stores read in a few milliseconds (a relation include takes several times as long).
 */
export async function listStoreNames(member: Member, reader: PrismaClient = db) {
  return reader.store.findMany({
    where: visibleTo(member),
    select: { id: true, name: true, regionId: true },
    orderBy: [{ name: "asc" }],
  });
}

function visibleTo(member: Member) {
  return { organizationId: member.organizationId, ...(member.storeIds === null ? {} : { id: { in: member.storeIds } }) };
}

export async function getStore(member: Member, storeId: string) {
  const visible = member.storeIds === null || member.storeIds.includes(storeId);
  const store = visible
    ? await db.store.findFirst({ where: { id: storeId, organizationId: member.organizationId } })
    : null;
  if (!store) throw new NotFoundError("Store");
  return store;
}

export async function createStore(tenant: Tenant, input: StoreInput) {
  if (input.regionId) await assertRegionOfTenant(tenant, input.regionId);
  try {
    return await db.$transaction(async (tx) => {
      const store = await tx.store.create({
        data: {
          organizationId: tenant.organizationId,
          name: input.name,
          code: input.code,
          city: input.city,
          regionId: input.regionId,
        },
      });
      await recordAuditEvent(tenant, { action: "store_created", subject: store.id, detail: { ...input } }, tx);
      return store;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ code: "Another store already uses this code" });
    throw error;
  }
}

async function assertRegionOfTenant(tenant: Tenant, regionId: string) {
  const region = await db.region.findFirst({ where: { id: regionId, organizationId: tenant.organizationId } });
  if (!region) throw new NotFoundError("Region");
}

/** Throws NotFoundError unless every id is a store of the tenant; callers never connect foreign ids. */
export async function assertStoresOfTenant(tenant: Tenant, storeIds: readonly string[]) {
  if (storeIds.length === 0) return;
  const found = await db.store.count({ where: { organizationId: tenant.organizationId, id: { in: [...storeIds] } } });
  if (found !== new Set(storeIds).size) throw new NotFoundError("Store");
}
