import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeFollowUp, listQueue, markContacted } from "@/lib/followups/followups";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp, hoursFrom, respond } from "../responses/respond";

const NOW = new Date("2026-06-10T12:00:00Z");

async function shopWithStore() {
  const { tenant, admin } = await createTenant("Queue Shop");
  const store = await createTestStore(tenant);
  return { tenant, admin, storeId: store.id };
}

async function withSla<T>(tenant: Tenant, hours: number, work: () => Promise<T>) {
  await db.survey.updateMany({ where: tenant, data: { followUpSlaHours: hours } });
  return work();
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("the call-back queue", () => {
  it("lists overdue follow-ups first, then the others by due time", async () => {
    const { tenant, admin, storeId } = await shopWithStore();
    // Responded later but due sooner: a short SLA must not be hidden behind an older response.
    const dueIn38h = await withSla(tenant, 48, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -10) }));
    const dueIn3h = await withSla(tenant, 4, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -1) }));
    const overdue6h = await withSla(tenant, 24, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -30) }));
    const overdue2d = await detractorFollowUp(tenant, { at: hoursFrom(NOW, -72) });
    await respond(tenant, 8, { storeId, at: hoursFrom(NOW, -2) });

    const { open } = await listQueue(admin, { now: NOW });

    expect(ids(open)).toEqual(ids([overdue2d, overdue6h, dueIn3h, dueIn38h]));
  });

  it("does not count a customer who was already called as overdue, even past the due time", async () => {
    const { tenant, admin, storeId } = await shopWithStore();
    const calledBack = await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -96) });
    await markContacted(admin, calledBack.id, hoursFrom(NOW, -90));
    const overdue = await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -48) });
    const notYetDue = await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -1) });

    const { open } = await listQueue(admin, { now: NOW });

    expect(ids(open)).toEqual(ids([overdue, calledBack, notYetDue]));
    expect(open[1]).toMatchObject({ status: "contacted" });
  });

  it("shows the caller the score, channel, contact and store of each follow-up", async () => {
    const { tenant, admin, storeId } = await shopWithStore();
    await detractorFollowUp(tenant, { storeId });

    const { open } = await listQueue(admin);

    expect(open).toHaveLength(1);
    expect(open[0]!.response).toMatchObject({
      score: 2,
      channel: "store",
      contact: { name: "Casey Customer", phone: "+49 30 1234567" },
    });
    expect(open[0]!.store).toMatchObject({ name: "Main Street" });
  });

  it("moves closed follow-ups to the recently closed list, newest first", async () => {
    const { tenant, admin, storeId } = await shopWithStore();
    const [first, second, third] = [
      await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -3) }),
      await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -2) }),
      await detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -1) }),
    ];
    await closeFollowUp(admin, first.id, { outcome: "resolved", body: null }, NOW);
    await closeFollowUp(admin, second.id, { outcome: "unreachable", body: null }, hoursFrom(NOW, 1));

    const queue = await listQueue(admin, { closedLimit: 5 });

    expect(ids(queue.open)).toEqual([third.id]);
    expect(ids(queue.recentlyClosed)).toEqual([second.id, first.id]);
    expect(ids((await listQueue(admin, { closedLimit: 1 })).recentlyClosed)).toEqual([second.id]);
  });
});

describe("a store manager's call-back queue", () => {
  it("holds only their own stores' follow-ups, neither another store's nor online ones", async () => {
    const { tenant: chain, admin: hq } = await createTenant("Chain");
    const [mine, alsoMine, theirs] = [await createTestStore(chain), await createTestStore(chain), await createTestStore(chain)];
    const manager = await createMember(chain, "store_manager", [mine.id, alsoMine.id]);
    const [a, b, c, online] = [
      await detractorFollowUp(chain, { storeId: mine.id, at: hoursFrom(NOW, -3) }),
      await detractorFollowUp(chain, { storeId: alsoMine.id, at: hoursFrom(NOW, -2) }),
      await detractorFollowUp(chain, { storeId: theirs.id, at: hoursFrom(NOW, -1) }),
      await detractorFollowUp(chain, { at: NOW }),
    ];
    await closeFollowUp(hq, c.id, { outcome: "resolved", body: null });

    const managerQueue = await listQueue(manager);
    const cxQueue = await listQueue(await createMember(chain, "cx_manager"));

    expect(ids(managerQueue.open)).toEqual(ids([a, b]));
    expect(managerQueue.recentlyClosed).toEqual([]);
    expect(ids(cxQueue.open)).toEqual(ids([a, b, online]));
    expect(ids(cxQueue.recentlyClosed)).toEqual([c.id]);
  });
});
