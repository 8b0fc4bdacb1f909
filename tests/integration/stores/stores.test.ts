import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import { createRegion, createStore, getStore, listRegions, listStores } from "@/lib/stores/stores";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant } from "@/tests/support/factories";

const store = (code: string, fields: { name?: string; regionId?: string | null } = {}) => ({
  name: fields.name ?? `Store ${code}`,
  code,
  city: "Hamburg",
  regionId: fields.regionId ?? null,
});

const storeCount = (tenant: Tenant) => db.store.count({ where: tenant });

describe("regions", () => {
  it("are listed by name, each tenant its own", async () => {
    const [{ tenant }, { tenant: other }] = [await createTenant("Regions"), await createTenant("Other")];
    await createRegion(tenant, { name: "South" });
    await createRegion(tenant, { name: "North" });
    await createRegion(other, { name: "East" });

    expect((await listRegions(tenant)).map((region) => region.name)).toEqual(["North", "South"]);
  });

  it("cannot share a name within a tenant, but may across tenants", async () => {
    const [{ tenant }, { tenant: other }] = [await createTenant("Regions"), await createTenant("Other")];
    await createRegion(tenant, { name: "West" });

    await expect(createRegion(tenant, { name: "West" })).rejects.toBeInstanceOf(InputError);
    await expect(createRegion(other, { name: "West" })).resolves.toMatchObject({ organizationId: other.organizationId });
    expect(await listRegions(tenant)).toHaveLength(1);
  });
});

describe("creating a store", () => {
  it("records it in the tenant, in its region", async () => {
    const { tenant } = await createTenant("Stores");
    const region = await createRegion(tenant, { name: "North" });

    const created = await createStore(tenant, store("HH-01", { name: "Hamburg Centre", regionId: region.id }));

    expect(created).toMatchObject({ organizationId: tenant.organizationId, code: "HH-01", name: "Hamburg Centre", city: "Hamburg", regionId: region.id });
  });

  it("refuses a code another store of the tenant uses, but not one of another tenant", async () => {
    const [{ tenant }, { tenant: other }] = [await createTenant("Stores"), await createTenant("Other")];
    await createStore(tenant, store("DUP-1"));

    await expect(createStore(tenant, store("DUP-1", { name: "Second" }))).rejects.toBeInstanceOf(InputError);
    await expect(createStore(other, store("DUP-1"))).resolves.toMatchObject({ organizationId: other.organizationId });
    expect(await storeCount(tenant)).toBe(1);
  });

  it("in another tenant's region is not found and creates nothing", async () => {
    const [{ tenant }, { tenant: other }] = [await createTenant("Stores"), await createTenant("Other")];
    const foreignRegion = await createRegion(other, { name: "Theirs" });

    await expect(createStore(tenant, store("X-1", { regionId: foreignRegion.id }))).rejects.toBeInstanceOf(NotFoundError);

    expect(await storeCount(tenant)).toBe(0);
    expect(await storeCount(other)).toBe(0);
  });
});

describe("seeing stores", () => {
  async function chain() {
    const { tenant, admin } = await createTenant("Chain");
    const region = await createRegion(tenant, { name: "Coast" });
    const [kiel, bonn, aachen] = [
      await createStore(tenant, store("K", { name: "Kiel", regionId: region.id })),
      await createStore(tenant, store("B", { name: "Bonn" })),
      await createStore(tenant, store("A", { name: "Aachen" })),
    ];
    const manager = await createMember(tenant, "store_manager", [kiel.id, aachen.id]);
    return { tenant, admin, manager, kiel, bonn, aachen };
  }

  it("an admin sees every store of the tenant by name, with its region", async () => {
    const { admin } = await chain();

    const stores = await listStores(admin);

    expect(stores.map((s) => [s.name, s.region?.name ?? null])).toEqual([
      ["Aachen", null],
      ["Bonn", null],
      ["Kiel", "Coast"],
    ]);
  });

  it("a store manager sees only their own stores", async () => {
    const { manager } = await chain();
    expect((await listStores(manager)).map((s) => s.name)).toEqual(["Aachen", "Kiel"]);
  });

  it("a store manager opens their own store but another store of the tenant is not found", async () => {
    const { manager, kiel, bonn } = await chain();

    await expect(getStore(manager, kiel.id)).resolves.toMatchObject({ id: kiel.id, name: "Kiel" });
    await expect(getStore(manager, bonn.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an admin opens any store of the tenant but not one of another tenant", async () => {
    const [first, second] = [await chain(), await chain()];

    await expect(getStore(first.admin, first.bonn.id)).resolves.toMatchObject({ name: "Bonn" });
    await expect(getStore(first.admin, second.bonn.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
