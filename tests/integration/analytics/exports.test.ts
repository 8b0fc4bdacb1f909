import { buffer, text } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { followUpsCsv, responsesCsv } from "@/lib/analytics/exports";
import { getFollowUpFigures } from "@/lib/analytics/follow-up-figures";
import { db, primaryPool } from "@/lib/db/client";
import { setRootCause } from "@/lib/followups/followups";
import { listRootCauses } from "@/lib/followups/root-causes";
import { saveComment } from "@/lib/responses/record-score";
import type { Member, Tenant } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { respond } from "../responses/respond";
import { filtersFor } from "./filters-for";

const NOW = new Date("2026-03-01T12:00:00Z");
const QUERY = { from: "2026-02-01", to: "2026-02-28" };

let tenant: Tenant;
let admin: Member;
let manager: Member;

beforeAll(async () => {
  ({ tenant, admin } = await createTenant("Export Shop"));
  const store = await createTestStore(tenant, "Quay");
  manager = await createMember(tenant, "store_manager", [store.id]);
  const { send } = await respond(tenant, 2, { storeId: store.id, at: new Date("2026-02-02T09:30:00Z") });
  await saveComment(send.token, { comment: '=HYPERLINK("http://evil.example","click"), waited "ages"; Größe', callbackConsent: false, callbackPhone: null });
  await respond(tenant, 9, { at: new Date("2026-02-03T10:00:00Z") });
  await respond(tenant, 7, { at: new Date("2026-01-31T10:00:00Z") }); // before the range
  await respond((await createTenant("Other Export Shop")).tenant, 5, { at: new Date("2026-02-02T10:00:00Z") });
});

const lines = (csv: string) => csv.replace(/^\uFEFF/, "").trim().split("\n");

describe("the CSV export of responses", () => {
  it("starts with a UTF-8 BOM and a header row, then the view's rows oldest first with ISO dates", async () => {
    const bytes = await buffer(responsesCsv(admin, await filtersFor(admin, QUERY, NOW)));
    // Read as bytes: a text decoder would swallow the BOM.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");

    expect(csv.split("\n")[0]).toBe(
      "response_id,responded_at,score,category,channel,store_code,store,region,survey,segment,language,comment,themes,callback_consent,contact_email,contact_name",
    );
    const rows = lines(csv);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(",2026-02-02T09:30:00.000Z,2,detractor,store,");
    expect(rows[2]).toContain(",2026-02-03T10:00:00.000Z,9,promoter,online,");
  });

  it("neutralises formulas and quotes text so spreadsheets read it as text", async () => {
    const csv = await text(responsesCsv(admin, await filtersFor(admin, QUERY, NOW)));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), waited ""ages""; Größe"`);
    expect(csv).toContain(",Waiting time,");
  });

  it("exports only a store manager's stores", async () => {
    const rows = lines(await text(responsesCsv(manager, await filtersFor(manager, QUERY, NOW))));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Quay");
  });

  it("streams more rows than one batch holds, each once", async () => {
    const { member } = await bulkResponses("Big Export Shop", 4_500, () => new Date("2026-02-10T10:00:00Z"));
    const rows = lines(await text(responsesCsv(member, await filtersFor(member, QUERY, NOW), 1_000))).slice(1);
    expect(rows).toHaveLength(4_500);
    expect(new Set(rows.map((row) => row.split(",")[0])).size).toBe(4_500);
  });

  it("keeps the order of responded_at, then id, where a batch ends among responses of the same moment", async () => {
    const { ids, member } = await bulkResponses("Tied Export Shop", 2_500, (n) => new Date(Date.UTC(2026, 1, 10, 10, 0, Math.floor(n / 7))));
    const exported = lines(await text(responsesCsv(member, await filtersFor(member, QUERY, NOW), 1_000)))
      .slice(1)
      .map((row) => row.split(",").slice(0, 2).join(","));
    const expected = ids
      .map((id, n) => `${id},${new Date(Date.UTC(2026, 1, 10, 10, 0, Math.floor(n / 7))).toISOString()}`)
      .sort((a, b) => a.split(",")[1].localeCompare(b.split(",")[1]) || a.localeCompare(b));
    expect(exported).toEqual(expected);
  });

  it("leaves the pool's connections usable and as they were when a download stops halfway", async () => {
    const { member } = await bulkResponses("Abandoned Export Shop", 3_000, () => new Date("2026-02-10T10:00:00Z"));
    const filters = await filtersFor(member, QUERY, NOW);
    const { rows: before } = await primaryPool().query<{ jit: string }>("SHOW jit");
    let chunks = 0;
    // The reader goes away in the first batch's COPY (the first chunk is the header row).
    for await (const _ of responsesCsv(member, filters, 1_000)) if (++chunks === 2) break;
    expect(lines(await text(responsesCsv(member, filters, 1_000)))).toHaveLength(3_001);
    expect((await primaryPool().query<{ jit: string }>("SHOW jit")).rows).toEqual(before);
  });

  it("takes filter values as data, whatever characters they hold", async () => {
    const segment = "Gold'); DROP TABLE \"Response\"; -- %s %1$L $1";
    const rows = lines(await text(responsesCsv(admin, await filtersFor(admin, { ...QUERY, segment }, NOW))));
    expect(rows).toHaveLength(1);
    expect(await db.response.count({ where: tenant })).toBeGreaterThan(0);
  });
});

/** A tenant of its own with `count` responses of one contact, the n-th at `at(n)`; ids sort as n does. */
async function bulkResponses(name: string, count: number, at: (n: number) => Date) {
  const { tenant: bulk, admin: member } = await createTenant(name);
  const survey = await db.survey.findFirstOrThrow({ where: bulk });
  const contact = await db.contact.create({ data: { organizationId: bulk.organizationId, email: "bulk@example.test" } });
  const prefix = `c${name.replace(/\W/g, "").toLowerCase().slice(0, 8)}`;
  const ids = Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(6, "0")}`);
  await db.surveySend.createMany({
    data: ids.map((id, n) => ({ id, organizationId: bulk.organizationId, surveyId: survey.id, contactId: contact.id, channel: "online" as const, token: `t${id}`.padEnd(32, "x"), locale: "en", sentAt: at(n) })),
  });
  await db.response.createMany({
    data: ids.map((id, n) => ({ id, organizationId: bulk.organizationId, surveySendId: id, surveyId: survey.id, contactId: contact.id, channel: "online" as const, score: 9, category: "promoter" as const, locale: "en", respondedAt: at(n), updatedAt: at(n) })),
  });
  return { ids, member };
}

describe("the CSV export of follow-ups", () => {
  it("has the follow-ups opened in the view, with SLA state by the dashboard's definition", async () => {
    const csv = await text(followUpsCsv(admin, await filtersFor(admin, QUERY, NOW), NOW));
    const rows = lines(csv);
    expect(rows[0]).toBe(
      "follow_up_id,opened_at,due_at,first_contact_at,minutes_to_first_contact,sla,status,outcome,root_cause,closed_at,store_code,store,score,responded_at,comment,contact_name,contact_email",
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",2026-02-02T09:30:00.000Z,2026-02-03T09:30:00.000Z,,,missed,open,,,,");
  });

  it("names each follow-up's root cause, as the dashboard counts them", async () => {
    const cause = (await listRootCauses(tenant)).find((candidate) => candidate.label === "Staff attitude")!;
    const followUp = await db.followUp.findFirstOrThrow({ where: tenant });
    await setRootCause(admin, followUp.id, cause.id, NOW);

    const filters = await filtersFor(admin, QUERY, NOW);
    const [header, row] = lines(await text(followUpsCsv(admin, filters, NOW)));
    expect(row.split(",")[header.split(",").indexOf("root_cause")]).toBe("Staff attitude");
    const { rootCauses } = await getFollowUpFigures(admin, filters, NOW);
    expect(rootCauses.find((candidate) => candidate.rootCauseId === cause.id)?.followUps).toBe(1);
  });
});
