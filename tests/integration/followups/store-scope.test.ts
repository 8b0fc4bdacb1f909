import { beforeAll, describe, expect, it } from "vitest";
import { addNote, closeFollowUp, getFollowUp, markContacted } from "@/lib/followups/followups";
import { NotFoundError, type Member } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { tenantRows } from "../tenancy/tenant-rows";
import { detractorFollowUp } from "../responses/respond";

// Cross-tenant ids are covered for every lib function in tests/integration/tenancy/foreign-ids.test.ts.

const operations: [string, (member: Member, followUpId: string) => Promise<unknown>][] = [
  ["opening", (member, id) => getFollowUp(member, id)],
  ["marking contacted", (member, id) => markContacted(member, id)],
  ["adding a note to", (member, id) => addNote(member, id, { body: "Not my store" })],
  ["closing", (member, id) => closeFollowUp(member, id, { outcome: "resolved", body: "Not my store" })],
];

let organizationId: string;
let manager: Member;
const followUpIds = { otherStore: "", online: "" };

beforeAll(async () => {
  const { tenant } = await createTenant("Two Stores");
  organizationId = tenant.organizationId;
  const [mine, theirs] = [await createTestStore(tenant, "Mine"), await createTestStore(tenant, "Theirs")];
  manager = await createMember(tenant, "store_manager", [mine.id]);
  followUpIds.otherStore = (await detractorFollowUp(tenant, { storeId: theirs.id })).id;
  followUpIds.online = (await detractorFollowUp(tenant)).id;
});

describe.each([
  ["another store of the same tenant", "otherStore"],
  ["the online channel", "online"],
] as const)("a store manager and a follow-up of %s", (_case, which) => {
  it.each(operations)("%s it is not found and changes nothing", async (_operation, run) => {
    const before = await tenantRows(organizationId);

    await expect(run(manager, followUpIds[which])).rejects.toBeInstanceOf(NotFoundError);

    expect(await tenantRows(organizationId)).toEqual(before);
  });
});
