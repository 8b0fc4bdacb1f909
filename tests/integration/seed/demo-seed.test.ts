import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { categoryOf } from "@/lib/responses/nps";
import { seedDemo } from "@/prisma/seed/demo";
import { buildDemoData } from "@/prisma/seed/demo-data";

const NOW = new Date("2026-03-15T12:00:00Z");
const SEED_TIMEOUT = 180_000;

async function demoTenants() {
  const organizations = await db.organization.findMany({ where: { slug: { in: ["northwind", "lumen"] } } });
  const bySlug = Object.fromEntries(organizations.map((organization) => [organization.slug, organization]));
  return { northwind: bySlug.northwind!, lumen: bySlug.lumen!, ids: organizations.map((organization) => organization.id) };
}

async function rowCounts(organizationIds: string[]) {
  const where = { organizationId: { in: organizationIds } };
  return {
    organizations: await db.organization.count({ where: { id: { in: organizationIds } } }),
    memberships: await db.membership.count({ where }),
    stores: await db.store.count({ where }),
    contacts: await db.contact.count({ where }),
    surveySends: await db.surveySend.count({ where }),
    responses: await db.response.count({ where }),
    followUps: await db.followUp.count({ where }),
    notes: await db.followUpNote.count({ where }),
    demoUsers: await db.user.count({ where: { email: { endsWith: ".demo" } } }),
  };
}

describe("the demo seed", () => {
  let firstRun: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    firstRun = await seedDemo({ now: NOW });
  }, SEED_TIMEOUT);

  it("creates Northwind Markets with 12 stores and Lumen Bank with 2 branches", async () => {
    const { northwind, lumen } = await demoTenants();
    expect(firstRun.created).toBe(true);
    expect(northwind).toMatchObject({ name: "Northwind Markets", defaultLocale: "en", brandColor: "#1f4e79" });
    expect(lumen).toMatchObject({ name: "Lumen Bank", defaultLocale: "nl", brandColor: "#6b2fa3" });
    expect(await db.store.count({ where: { organizationId: northwind.id } })).toBe(12);
    expect(await db.store.count({ where: { organizationId: lumen.id } })).toBe(2);
  });

  it("gives Northwind thousands of contacts and six months of sends, about half of them answered", async () => {
    const { northwind } = await demoTenants();
    const where = { organizationId: northwind.id };
    expect(await db.contact.count({ where })).toBeGreaterThanOrEqual(4_500);
    const sends = await db.surveySend.count({ where });
    const responses = await db.response.count({ where });
    expect(sends).toBeGreaterThan(11_000);
    expect(responses / sends).toBeGreaterThan(0.45);
    expect(responses / sends).toBeLessThan(0.65);
    const oldest = await db.surveySend.findFirstOrThrow({ where, orderBy: { sentAt: "asc" } });
    expect(NOW.getTime() - oldest.sentAt.getTime()).toBeGreaterThan(170 * 24 * 3_600_000);
    expect(await db.response.count({ where: { ...where, respondedAt: { gt: NOW } } })).toBe(0);
  });

  it("stores every response with the category its score falls in", async () => {
    const { ids } = await demoTenants();
    const groups = await db.response.groupBy({
      by: ["score", "category"],
      where: { organizationId: { in: ids } },
      _count: { _all: true },
    });
    expect(groups.length).toBe(11);
    for (const group of groups) expect(group.category).toBe(categoryOf(group.score));
  });

  it("opens a follow-up, due after the survey's SLA, for every detractor but the holdout experiment's", async () => {
    const { northwind } = await demoTenants();
    const detractors = await db.response.count({ where: { organizationId: northwind.id, category: "detractor" } });
    const holdout = await db.holdoutAssignment.count({ where: { organizationId: northwind.id, group: "holdout" } });
    expect(holdout).toBeGreaterThan(0);
    expect(await db.followUp.count({ where: { organizationId: northwind.id } })).toBe(detractors - holdout);
    const followUp = await db.followUp.findFirstOrThrow({
      where: { organizationId: northwind.id },
      include: { response: true },
    });
    expect(followUp.dueAt.getTime() - followUp.response.respondedAt.getTime()).toBe(24 * 3_600_000);
    expect(followUp.response.updatedAt).toEqual(followUp.response.respondedAt);
  });

  it("leaves overdue detractors in Northwind's call-back queue, and a few in Lumen's", async () => {
    const { northwind, lumen } = await demoTenants();
    const open = { organizationId: northwind.id, status: "open" as const };
    expect(await db.followUp.count({ where: { ...open, dueAt: { lt: NOW } } })).toBeGreaterThanOrEqual(5);
    expect(await db.followUp.count({ where: open })).toBeGreaterThanOrEqual(10);
    expect(await db.followUp.count({ where: { organizationId: lumen.id, status: "open" } })).toBeGreaterThanOrEqual(2);
  });

  it("links store managers only to stores of their own tenant", async () => {
    const { ids } = await demoTenants();
    const managers = await db.membership.findMany({
      where: { organizationId: { in: ids }, role: "store_manager" },
      include: { stores: { include: { store: true } } },
    });
    expect(managers.length).toBeGreaterThanOrEqual(11);
    for (const manager of managers) {
      expect(manager.stores.length).toBeGreaterThan(0);
      for (const link of manager.stores) {
        expect(link.organizationId).toBe(manager.organizationId);
        expect(link.store.organizationId).toBe(manager.organizationId);
      }
    }
  });

  it("lists the demo users with the stores each store manager works", () => {
    const emails = firstRun.users.map((user) => user.email);
    expect(emails).toEqual(expect.arrayContaining(["admin@northwind.demo", "cx@northwind.demo", "admin@lumen.demo", "manager@lumen.demo"]));
    expect(firstRun.users.find((user) => user.email === "manager@lumen.demo")).toMatchObject({
      role: "store_manager",
      tenant: "Lumen Bank",
      stores: ["Lumen Bank Amsterdam Zuidas"],
    });
    expect(firstRun.users.some((user) => user.stores?.length === 2)).toBe(true);
    for (const email of emails) expect(email).toBe(email.toLowerCase());
  });

  it("creates nothing when run again", async () => {
    const { ids } = await demoTenants();
    const before = await rowCounts(ids);
    const again = await seedDemo({ now: new Date(NOW.getTime() + 3_600_000) });
    expect(again.created).toBe(false);
    expect(again.users).toEqual(firstRun.users);
    expect(await rowCounts(ids)).toEqual(before);
  }, SEED_TIMEOUT);
});

describe("the demo data", () => {
  const fingerprint = (now: Date) => createHash("sha256").update(JSON.stringify(buildDemoData(now))).digest("hex");

  it("is the same, row for row, for the same moment", () => {
    expect(fingerprint(NOW)).toBe(fingerprint(new Date(NOW)));
  });

  it("ends at the moment it is given", () => {
    const later = new Date(NOW.getTime() + 30 * 24 * 3_600_000);
    expect(fingerprint(later)).not.toBe(fingerprint(NOW));
    for (const tenant of buildDemoData(later)) {
      const latest = Math.max(...tenant.surveySends.map((send) => send.sentAt.getTime()));
      expect(latest).toBeLessThanOrEqual(later.getTime());
      expect(later.getTime() - latest).toBeLessThan(7 * 24 * 3_600_000);
    }
  });

  it("answers each send at most once, from the send's contact, store and channel", () => {
    for (const tenant of buildDemoData(NOW)) {
      const sends = new Map(tenant.surveySends.map((send) => [send.id, send]));
      const answered = new Set<string>();
      for (const response of tenant.responses) {
        const send = sends.get(response.surveySendId)!;
        expect(answered.has(send.id)).toBe(false);
        answered.add(send.id);
        expect(response).toMatchObject({ contactId: send.contactId, storeId: send.storeId, channel: send.channel });
        expect(response.respondedAt.getTime()).toBeGreaterThan(send.sentAt.getTime());
      }
      expect(new Set(tenant.surveySends.map((send) => send.token)).size).toBe(tenant.surveySends.length);
      for (const send of tenant.surveySends) expect(send.token).toMatch(/^[A-Za-z0-9]{32}$/);
    }
  });
});
