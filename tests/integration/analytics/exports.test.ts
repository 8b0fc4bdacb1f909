import { buffer, text } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { followUpsCsv, responsesCsv } from "@/lib/analytics/exports";
import { getFollowUpFigures } from "@/lib/analytics/follow-up-figures";
import { db } from "@/lib/db/client";
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
    const many = await createTenant("Big Export Shop");
    const survey = await db.survey.findFirstOrThrow({ where: many.tenant });
    const contact = await db.contact.create({ data: { organizationId: many.tenant.organizationId, email: "bulk@example.test" } });
    const at = new Date("2026-02-10T10:00:00Z");
    const ids = Array.from({ length: 4_500 }, (_, n) => `cbulk${String(n).padStart(6, "0")}`);
    await db.surveySend.createMany({
      data: ids.map((id) => ({ id, organizationId: many.tenant.organizationId, surveyId: survey.id, contactId: contact.id, channel: "online" as const, token: `t${id}`.padEnd(32, "x"), locale: "en", sentAt: at })),
    });
    await db.response.createMany({
      data: ids.map((id) => ({ id, organizationId: many.tenant.organizationId, surveySendId: id, surveyId: survey.id, contactId: contact.id, channel: "online" as const, score: 9, category: "promoter" as const, locale: "en", respondedAt: at, updatedAt: at })),
    });

    const rows = lines(await text(responsesCsv(many.admin, await filtersFor(many.admin, QUERY, NOW), 1_000))).slice(1);
    expect(rows).toHaveLength(4_500);
    expect(new Set(rows.map((row) => row.split(",")[0])).size).toBe(4_500);
  });

  it("takes filter values as data, whatever characters they hold", async () => {
    const segment = "Gold'); DROP TABLE \"Response\"; -- %s %1$L $1";
    const rows = lines(await text(responsesCsv(admin, await filtersFor(admin, { ...QUERY, segment }, NOW))));
    expect(rows).toHaveLength(1);
    expect(await db.response.count({ where: tenant })).toBeGreaterThan(0);
  });
});

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
