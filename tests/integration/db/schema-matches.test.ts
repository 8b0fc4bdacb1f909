import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, withClient, type ScratchDatabase } from "@/tests/support/scratch-database";
import { diffDatabaseAgainstSchema, loadDatamodel, type Datamodel } from "./schema-diff";

let datamodel: Datamodel;
beforeAll(async () => {
  datamodel = await loadDatamodel();
});

describe("the migrations and schema.prisma", () => {
  it("a freshly migrated database matches schema.prisma", async () => {
    const differences = await withClient(process.env.DATABASE_URL!, (client) => diffDatabaseAgainstSchema(client, datamodel));
    expect(differences).toEqual([]);
  });

  describe("the comparison itself", () => {
    // The drift is made in a scratch copy, not in the run's database: on a real server other test files run at the
    // same time, and ALTER TABLE locks would stall (or deadlock) them even inside a transaction rolled back later.
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase();
      await migrate(scratch.url);
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it("a database that drifts from schema.prisma is reported, difference by difference", async () => {
      const differences = await withClient(scratch.url, async (client) => {
        expect(await diffDatabaseAgainstSchema(client, datamodel)).toEqual([]);
        await client.query(`
          ALTER TABLE "Store" ADD COLUMN "extra" text;
          ALTER TABLE "Store" ALTER COLUMN "city" SET NOT NULL;
          ALTER TABLE "Response" ALTER COLUMN "score" TYPE integer;
          ALTER TABLE "FollowUp" ALTER COLUMN "dueAt" TYPE timestamp(6);
          ALTER TABLE "FollowUp" ALTER COLUMN "outcome" TYPE text;
          ALTER TABLE "Organization" ALTER COLUMN "defaultLocale" SET DEFAULT 'de';
          ALTER TABLE "User" ALTER COLUMN "createdAt" DROP DEFAULT;
          ALTER TABLE "Contact" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
          ALTER TYPE "Role" ADD VALUE 'owner';
          DROP INDEX "Account_userId_idx";
          DROP INDEX "Response_comment_search_idx";
          CREATE INDEX "Contact_email_idx" ON "Contact"("email");
          DROP INDEX "Region_organizationId_name_key";
          CREATE UNIQUE INDEX "Region_organizationId_name_key" ON "Region"("name", "organizationId");
          ALTER TABLE "Store" DROP CONSTRAINT "Store_organizationId_regionId_fkey";
          ALTER TABLE "Store" ADD CONSTRAINT "Store_organizationId_regionId_fkey" FOREIGN KEY ("organizationId", "regionId")
            REFERENCES "Region"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_organizationId_responseId_fkey";
          ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id")
            ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TABLE "Contact" DROP CONSTRAINT "Contact_organizationId_storeId_fkey";
          ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId")
            REFERENCES "Store"("organizationId", "id") ON DELETE SET NULL ON UPDATE CASCADE;
          ALTER TABLE "MembershipStore" DROP CONSTRAINT "MembershipStore_organizationId_storeId_fkey";
          ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey";
          ALTER TABLE "OutboxMessage" RENAME TO "Outbox";
        `);
        return diffDatabaseAgainstSchema(client, datamodel);
      });

      const expected = [
        /^Store\.extra: column in the database but no field/,
        /^Store\.city: NOT NULL in the database, schema\.prisma says optional/,
        /^Response\.score: type is integer, schema\.prisma wants smallint/,
        /^FollowUp\.dueAt: type is timestamp\(6\) without time zone, schema\.prisma wants timestamp\(3\)/,
        /^FollowUp\.outcome: type is text, schema\.prisma wants USER-DEFINED "FollowUpOutcome"/,
        /^Organization\.defaultLocale: default is 'de'::text, schema\.prisma wants 'en'::text/,
        /^User\.createdAt: default is none, schema\.prisma wants CURRENT_TIMESTAMP/,
        /^Contact\.id: default is \(?gen_random_uuid\(\)\)?::text, schema\.prisma wants no default/,
        /^enum Role: values are \[admin, cx_manager, store_manager, owner\]/,
        /^Account: index Account_userId_idx \(userId\): missing/,
        /^Response: hand-written gin index Response_comment_search_idx is missing/,
        /^Contact: index Contact_email_idx \(email\) in the database is not declared/,
        /^Region: unique index Region_organizationId_name_key \(organizationId, name\): is on \(name, organizationId\)/,
        /^Store: foreign key Store_organizationId_regionId_fkey \(organizationId, regionId\) REFERENCES Region\(organizationId, id\) ON DELETE SET NULL \(regionId\) .*: the database has .* ON DELETE CASCADE/,
        // A reference that does not carry the tenant, and a SET NULL that would null the tenant too.
        /^FollowUp: foreign key FollowUp_organizationId_responseId_fkey .*: the database's FollowUp_responseId_fkey \(responseId\) leaves out organizationId/,
        /^Contact: foreign key Contact_organizationId_storeId_fkey .* ON DELETE SET NULL \(storeId\) .*: the database has \(organizationId, storeId\) .* ON DELETE SET NULL ON UPDATE CASCADE$/,
        /^MembershipStore: foreign key MembershipStore_organizationId_storeId_fkey \(organizationId, storeId\) REFERENCES Store\(organizationId, id\) .*: missing/,
        /^Session: foreign key Session_userId_fkey \(userId\) .*: missing/,
        /^table Outbox: in the database but no model/,
        /^model OutboxMessage: table OutboxMessage is missing/,
      ];
      for (const pattern of expected) {
        expect(differences, `expected a difference matching ${pattern}`).toContainEqual(expect.stringMatching(pattern));
      }
      // Nothing beyond what was changed: the renamed table's columns, indexes and keys are reported once, as the table.
      expect(differences).toHaveLength(expected.length);
    });
  });
});
