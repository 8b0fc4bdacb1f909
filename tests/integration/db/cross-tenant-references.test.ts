import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMember, createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { detractorFollowUp, respond } from "../responses/respond";

// Migration 20261203000000_tenant_scoped_references: every reference between tenant-owned rows is a key on
// (organizationId, <id>), so the database itself refuses a row of one tenant pointing at another's, whichever
// code (or hand-written statement) tries it. The app's own checks are proven in tests/integration/tenancy.

type Side = Awaited<ReturnType<typeof populatedTenant>>;
let a: Side;
let b: Side;

async function populatedTenant(name: string) {
  const { tenant } = await createTenant(name);
  const store = await createTestStore(tenant);
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const membership = await db.membership.findFirstOrThrow({ where: { ...tenant, userId: manager.userId } });
  const followUp = await detractorFollowUp(tenant, { storeId: store.id });
  // A promoter's response has no follow-up yet, so a follow-up may still be made for it.
  const { response: promoterResponse } = await respond(tenant, 10, { storeId: store.id });
  const send = await sendTestSurvey(tenant, { storeId: store.id });
  return { tenant, organizationId: tenant.organizationId, store, membership, followUp, promoterResponse, send };
}

/** Fails unless the statement was refused by this tenant-scoped key, whether through Prisma or hand-written SQL. */
async function expectRefusedBy(constraint: string, statement: Promise<unknown>) {
  const error = await statement.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the database accepted a reference to another tenant's row").toBeDefined();
  expect(String(error)).toMatch(/foreign key/i);
  expect(String(error)).toContain(constraint);
}

beforeAll(async () => {
  a = await populatedTenant("Tenant A");
  b = await populatedTenant("Tenant B");
});

describe("the database refuses a reference to another tenant's row", () => {
  it("a follow-up for another tenant's response", async () => {
    const dueAt = new Date();
    await expectRefusedBy(
      "FollowUp_organizationId_responseId_fkey",
      db.followUp.create({ data: { organizationId: a.organizationId, responseId: b.promoterResponse.id, dueAt } }),
    );
    await expectRefusedBy("FollowUp_organizationId_responseId_fkey", db.$executeRaw`
      INSERT INTO "FollowUp" ("id", "organizationId", "responseId", "dueAt")
      VALUES ('cross-tenant-follow-up', ${a.organizationId}, ${b.promoterResponse.id}, ${dueAt})`);
    // Its own tenant's response is accepted: the key refuses the tenant, not the row.
    const own = await db.followUp.create({ data: { organizationId: a.organizationId, responseId: a.promoterResponse.id, dueAt } });
    await db.followUp.delete({ where: { id: own.id } });
  });

  it("a store manager's membership of another tenant's store, whichever tenant the row claims", async () => {
    await expectRefusedBy(
      "MembershipStore_organizationId_storeId_fkey",
      db.membershipStore.create({ data: { organizationId: a.organizationId, membershipId: a.membership.id, storeId: b.store.id } }),
    );
    await expectRefusedBy(
      "MembershipStore_organizationId_membershipId_fkey",
      db.membershipStore.create({ data: { organizationId: b.organizationId, membershipId: a.membership.id, storeId: b.store.id } }),
    );
    await expectRefusedBy("MembershipStore_organizationId_storeId_fkey", db.$executeRaw`
      UPDATE "MembershipStore" SET "storeId" = ${b.store.id}
       WHERE "membershipId" = ${a.membership.id} AND "storeId" = ${a.store.id}`);
  });

  it("a survey send to another tenant's contact", async () => {
    const survey = await db.survey.findFirstOrThrow({ where: a.tenant });
    await expectRefusedBy(
      "SurveySend_organizationId_contactId_fkey",
      db.surveySend.create({
        data: {
          organizationId: a.organizationId,
          surveyId: survey.id,
          contactId: b.send.contactId,
          channel: "online",
          token: `cross-tenant-${a.organizationId}`,
          locale: "en",
        },
      }),
    );
    await expectRefusedBy(
      "SurveySend_organizationId_contactId_fkey",
      db.surveySend.update({ where: { id: a.send.id }, data: { contactId: b.send.contactId } }),
    );
  });

  it("a follow-up moved to another tenant's store, or assigned to another tenant's member", async () => {
    await expectRefusedBy(
      "FollowUp_organizationId_storeId_fkey",
      db.followUp.update({ where: { id: a.followUp.id }, data: { storeId: b.store.id } }),
    );
    await expectRefusedBy(
      "FollowUp_organizationId_assigneeId_fkey",
      db.followUp.update({ where: { id: a.followUp.id }, data: { assigneeId: b.membership.id } }),
    );
  });

  it("nothing was changed by the refused statements", async () => {
    expect(await db.followUp.count({ where: { responseId: b.promoterResponse.id } })).toBe(0);
    expect(await db.membershipStore.findMany({ where: { membershipId: a.membership.id }, select: { storeId: true } })).toEqual([
      { storeId: a.store.id },
    ]);
    expect(await db.followUp.findUniqueOrThrow({ where: { id: a.followUp.id } })).toMatchObject({
      organizationId: a.organizationId,
      storeId: a.store.id,
      assigneeId: null,
    });
  });
});

describe("deleting a referenced row", () => {
  it("clears only the reference, never the row's tenant", async () => {
    const { tenant } = await createTenant("Tenant C");
    const store = await createTestStore(tenant);
    const followUp = await detractorFollowUp(tenant, { storeId: store.id });

    await db.store.delete({ where: { id: store.id } });

    expect(await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({
      organizationId: tenant.organizationId,
      storeId: null,
    });
  });
});
