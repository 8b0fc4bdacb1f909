import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import {
  addNote,
  assignFollowUp,
  closeFollowUp,
  getFollowUp,
  listQueue,
  logCallAttempt,
  markContacted,
  setRootCause,
} from "@/lib/followups/followups";
import { createRootCause, listRootCauses, setRootCauseArchived } from "@/lib/followups/root-causes";
import { NotFoundError, type Member, type Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp, hoursFrom, respond } from "../responses/respond";

const T = new Date("2026-07-01T09:00:00Z");

let tenant: Tenant;
let hq: Member;
let manager: Member;
let colleague: Member;
let otherStoreManager: Member;
let storeId: string;

const membershipOf = async (member: Member) =>
  (await db.membership.findFirstOrThrow({ where: { organizationId: member.organizationId, userId: member.userId } })).id;

beforeAll(async () => {
  ({ tenant, admin: hq } = await createTenant("Lifecycle Shop"));
  storeId = (await createTestStore(tenant)).id;
  const otherStoreId = (await createTestStore(tenant, "Elsewhere")).id;
  manager = await createMember(tenant, "store_manager", [storeId]);
  colleague = await createMember(tenant, "store_manager", [storeId]);
  otherStoreManager = await createMember(tenant, "store_manager", [otherStoreId]);
});

describe("the follow-up lifecycle", () => {
  it("is assigned and reassigned to people who can see the store, each change in the trail", async () => {
    const followUp = await detractorFollowUp(tenant, { storeId, at: T });

    await assignFollowUp(hq, followUp.id, { membershipId: await membershipOf(manager) }, hoursFrom(T, 1));
    await assignFollowUp(manager, followUp.id, { membershipId: await membershipOf(colleague) }, hoursFrom(T, 2));
    await expect(assignFollowUp(hq, followUp.id, { membershipId: await membershipOf(otherStoreManager) })).rejects.toBeInstanceOf(InputError);

    const item = await getFollowUp(hq, followUp.id);
    expect(item.assigneeId).toBe(await membershipOf(colleague));
    expect(item.events.filter((e) => e.type === "assigned").map((e) => [e.actorId, e.createdAt])).toEqual([
      [hq.userId, hoursFrom(T, 1)],
      [manager.userId, hoursFrom(T, 2)],
    ]);
  });

  it("counts call attempts without an answer, keeps the follow-up open, and records each", async () => {
    const followUp = await detractorFollowUp(tenant, { storeId, at: T });

    await logCallAttempt(manager, followUp.id, hoursFrom(T, 1));
    await logCallAttempt(manager, followUp.id, hoursFrom(T, 3));

    const item = await getFollowUp(manager, followUp.id);
    expect(item).toMatchObject({ status: "open", callAttempts: 2, contactedAt: null });
    expect(item.events.filter((e) => e.type === "call_attempt")).toHaveLength(2);
  });

  it("takes its root cause from the tenant's own list, where archived causes are no longer offered", async () => {
    const followUp = await detractorFollowUp(tenant, { storeId, at: T });
    const causes = await listRootCauses(tenant);
    expect(causes.map((c) => c.label)).toContain("Waiting time");
    const custom = await createRootCause(tenant, { label: "Parking" });
    await expect(createRootCause(tenant, { label: "Parking" })).rejects.toBeInstanceOf(InputError);

    await setRootCause(manager, followUp.id, custom.id, hoursFrom(T, 1));
    await setRootCauseArchived(tenant, custom.id, true);

    expect((await getFollowUp(manager, followUp.id)).rootCause?.label).toBe("Parking");
    expect((await listRootCauses(tenant)).map((c) => c.label)).not.toContain("Parking");
    const { tenant: other } = await createTenant("Other");
    const foreignCause = (await listRootCauses(other))[0]!;
    await expect(setRootCause(manager, followUp.id, foreignCause.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("closes with outcome, root cause and resolution, and shows who did what and when", async () => {
    const followUp = await detractorFollowUp(tenant, { storeId, at: T });
    const waiting = (await listRootCauses(tenant)).find((c) => c.label === "Waiting time")!;

    await logCallAttempt(manager, followUp.id, hoursFrom(T, 1));
    await markContacted(manager, followUp.id, hoursFrom(T, 2));
    await addNote(colleague, followUp.id, { body: "Offered a voucher" }, hoursFrom(T, 3));
    await closeFollowUp(manager, followUp.id, { outcome: "resolved", rootCauseId: waiting.id, resolution: "Voucher and apology", body: null }, hoursFrom(T, 4));

    const item = await getFollowUp(hq, followUp.id);
    expect(item).toMatchObject({ status: "closed", outcome: "resolved", resolution: "Voucher and apology", contactedAt: hoursFrom(T, 2) });
    expect(item.rootCause?.label).toBe("Waiting time");
    expect(item.events.map((e) => [e.type, e.actorId, e.createdAt])).toEqual([
      ["opened", null, T],
      ["call_attempt", manager.userId, hoursFrom(T, 1)],
      ["contacted", manager.userId, hoursFrom(T, 2)],
      ["note", colleague.userId, hoursFrom(T, 3)],
      ["closed", manager.userId, hoursFrom(T, 4)],
    ]);
    await expect(logCallAttempt(manager, followUp.id)).rejects.toBeInstanceOf(InputError);
  });

  it("lists detractors before passives of the same urgency", async () => {
    const { tenant: shop, admin } = await createTenant("Priority Shop");
    await db.survey.updateMany({ where: shop, data: { passiveFollowUps: true, passiveSlaHours: 4, followUpSlaHours: 48 } });
    const passive = (await respond(shop, 7, { at: T })).followUp!;
    const detractor = (await respond(shop, 5, { at: T })).followUp!;

    const { open } = await listQueue(admin, { now: hoursFrom(T, 1) });

    expect(open.map((item) => item.id)).toEqual([detractor.id, passive.id]);
  });

  it("refuses every change by another tenant's member as not found", async () => {
    const followUp = await detractorFollowUp(tenant, { storeId, at: T });
    const { admin: stranger } = await createTenant("Stranger");

    await expect(assignFollowUp(stranger, followUp.id, { membershipId: null })).rejects.toBeInstanceOf(NotFoundError);
    await expect(logCallAttempt(stranger, followUp.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignFollowUp(hq, followUp.id, { membershipId: await membershipOf(stranger) })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getFollowUp(hq, followUp.id)).events.map((e) => e.type)).toEqual(["opened"]);
  });
});
