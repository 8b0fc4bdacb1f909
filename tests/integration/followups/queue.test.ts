import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeFollowUp, listQueue } from "@/lib/followups/followups";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp, hoursFrom, respond } from "../responses/respond";

const NOW = new Date("2026-06-10T12:00:00Z");

let tenant: Tenant;
let admin: Member;
let storeId: string;

beforeAll(async () => {
  ({ tenant, admin } = await createTenant("Queue Shop"));
  storeId = (await createTestStore(tenant)).id;
});

async function withSla(hours: number, work: () => Promise<{ id: string }>) {
  await db.survey.updateMany({ where: tenant, data: { followUpSlaHours: hours } });
  return work();
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("the call-back queue", () => {
  it("lists overdue follow-ups first, then the others by due time", async () => {
    // Responded later but due sooner: a short SLA must not be hidden behind an older response.
    const dueIn38h = await withSla(48, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -10) }));
    const dueIn3h = await withSla(4, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -1) }));
    const overdue6h = await withSla(24, () => detractorFollowUp(tenant, { storeId, at: hoursFrom(NOW, -30) }));
    const overdue2d = await withSla(24, () => detractorFollowUp(tenant, { at: hoursFrom(NOW, -72) }));
    await respond(tenant, 8, { storeId, at: hoursFrom(NOW, -2) });

    const { open } = await listQueue(admin);

    expect(ids(open)).toEqual(ids([overdue2d, overdue6h, dueIn3h, dueIn38h]));
    expect(open.map((item) => item.dueAt < NOW)).toEqual([true, true, false, false]);
  });

  it("shows the caller the score, comment, phone and store of each follow-up", async () => {
    const { open } = await listQueue(admin);
    const storeItem = open.find((item) => item.storeId === storeId)!;

    expect(storeItem.response).toMatchObject({ score: 2, channel: "store", contact: { phone: "+49 30 1234567", name: "Casey Customer" } });
    expect(storeItem.store).toEqual({ name: "Main Street" });
  });

  it("moves closed follow-ups to the recently closed list, newest first", async () => {
    const { open } = await listQueue(admin);
    await closeFollowUp(admin, open[0]!.id, { outcome: "resolved", body: null }, NOW);
    await closeFollowUp(admin, open[1]!.id, { outcome: "unreachable", body: null }, hoursFrom(NOW, 1));

    const queue = await listQueue(admin, { closedLimit: 5 });

    expect(ids(queue.recentlyClosed)).toEqual([open[1]!.id, open[0]!.id]);
    expect(ids(queue.open)).toEqual(ids(open.slice(2)));
    expect(await listQueue(admin, { closedLimit: 1 })).toMatchObject({ recentlyClosed: [{ id: open[1]!.id }] });
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
