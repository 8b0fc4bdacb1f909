import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InputError } from "@/lib/forms/input-error";
import { addNote, closeFollowUp, getFollowUp, markContacted } from "@/lib/followups/followups";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp, hoursFrom } from "../responses/respond";

const T = new Date("2026-07-01T09:00:00Z");

let tenant: Tenant;
let manager: Member;
let storeId: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("Follow-up Shop"));
  storeId = (await createTestStore(tenant)).id;
  manager = await createMember(tenant, "store_manager", [storeId]);
});

const newFollowUp = () => detractorFollowUp(tenant, { storeId, at: T });
const reload = (id: string) => db.followUp.findUniqueOrThrow({ where: { id }, include: { notes: true } });

describe("working a follow-up", () => {
  it("marking it contacted sets the status and keeps the time of the first contact", async () => {
    const followUp = await newFollowUp();

    await markContacted(manager, followUp.id, hoursFrom(T, 1));
    await markContacted(manager, followUp.id, hoursFrom(T, 5));

    expect(await reload(followUp.id)).toMatchObject({ status: "contacted", contactedAt: hoursFrom(T, 1), closedAt: null });
  });

  it("a note records its author, and the follow-up shows its notes oldest first with their authors", async () => {
    const followUp = await newFollowUp();
    const colleague = await createMember(tenant, "cx_manager");

    await addNote(manager, followUp.id, { body: "Called, no answer" });
    await addNote(colleague, followUp.id, { body: "Sent an apology email" });

    const { notes } = await getFollowUp(manager, followUp.id);
    expect(notes.map((note) => [note.body, note.authorId])).toEqual([
      ["Called, no answer", manager.userId],
      ["Sent an apology email", colleague.userId],
    ]);
    expect(notes[0]!.author?.email).toMatch(/^store_manager-.*@example\.test$/);
  });

  it("closing records the outcome, the closing time, the closing note and counts as the contact", async () => {
    const followUp = await newFollowUp();

    await closeFollowUp(manager, followUp.id, { outcome: "resolved", body: "Refunded the order" }, hoursFrom(T, 2));

    const closed = await reload(followUp.id);
    expect(closed).toMatchObject({ status: "closed", outcome: "resolved", closedAt: hoursFrom(T, 2), contactedAt: hoursFrom(T, 2) });
    expect(closed.notes).toMatchObject([{ body: "Refunded the order", authorId: manager.userId }]);
  });

  it("closing keeps an earlier contact time", async () => {
    const followUp = await newFollowUp();
    await markContacted(manager, followUp.id, hoursFrom(T, 1));

    await closeFollowUp(manager, followUp.id, { outcome: "not_resolved", body: null }, hoursFrom(T, 3));

    expect(await reload(followUp.id)).toMatchObject({ outcome: "not_resolved", contactedAt: hoursFrom(T, 1), notes: [] });
  });

  it("an unreachable customer is closed without a contact time", async () => {
    const followUp = await newFollowUp();

    await closeFollowUp(manager, followUp.id, { outcome: "unreachable", body: null }, hoursFrom(T, 2));

    expect(await reload(followUp.id)).toMatchObject({ status: "closed", outcome: "unreachable", contactedAt: null });
  });

  it("a closed follow-up can be neither closed again nor marked contacted", async () => {
    const followUp = await newFollowUp();
    await closeFollowUp(manager, followUp.id, { outcome: "unreachable", body: null }, hoursFrom(T, 2));
    const closed = await reload(followUp.id);

    await expect(closeFollowUp(manager, followUp.id, { outcome: "resolved", body: "Again" })).rejects.toBeInstanceOf(InputError);
    await expect(markContacted(manager, followUp.id)).rejects.toBeInstanceOf(InputError);

    expect(await reload(followUp.id)).toEqual(closed);
  });
});
