import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addNote, closeFollowUp, getFollowUp, listQueue, markContacted } from "@/lib/followups/followups";
import { inviteMember, listMembers, removeMember, updateMember } from "@/lib/members/members";
import { createRegion, createStore, getStore, listRegions, listStores } from "@/lib/stores/stores";
import { sendSurvey } from "@/lib/sending/send-survey";
import { getSurvey, listSurveys, saveSurveyText, updateSurveySettings } from "@/lib/surveys/surveys";
import { NotFoundError, type TenantWideMember } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { detractorFollowUp } from "../responses/respond";
import { tenantRows } from "./tenant-rows";

type Ids = { followUp: string; store: string; region: string; membership: string; survey: string };

type Rows = Awaited<ReturnType<typeof tenantRows>>;

let a: TenantWideMember;
let aIds: Ids;
let b: Ids;
let bOrganizationId: string;
let before: { a: Rows; b: Rows };

/** A tenant with one of everything an id can name: region, store, store manager, survey, detractor follow-up. */
async function populatedTenant(name: string) {
  const { tenant, admin } = await createTenant(name);
  const region = await createRegion(tenant, { name: "Region" });
  const store = await createStore(tenant, { name: "Store", code: "S-1", city: null, regionId: region.id });
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const followUp = await detractorFollowUp(tenant, { storeId: store.id });
  await addNote(admin, followUp.id, { body: "Called once" });
  const membership = await db.membership.findFirstOrThrow({ where: { ...tenant, userId: manager.userId } });
  const survey = await db.survey.findFirstOrThrow({ where: tenant });
  const ids: Ids = { followUp: followUp.id, store: store.id, region: region.id, membership: membership.id, survey: survey.id };
  return { tenant, admin, ids };
}

const textInput = {
  locale: "en" as const,
  emailSubject: "Hijacked",
  question: "Hijacked?",
  detractorPrompt: "x",
  passivePrompt: "x",
  promoterPrompt: "x",
  thankYou: "x",
};

const newEmail = () => `foreign-${randomUUID()}@example.test`;
const contact = () => ({ email: newEmail(), name: null, phone: null, locale: "en" as const });

// Every lib function that takes an id, called by tenant A with tenant B's id.
const callsWithForeignIds: [string, (ids: Ids) => Promise<unknown>][] = [
  ["getFollowUp", (ids) => getFollowUp(a, ids.followUp)],
  ["markContacted", (ids) => markContacted(a, ids.followUp)],
  ["addNote", (ids) => addNote(a, ids.followUp, { body: "Hijacked" })],
  ["closeFollowUp", (ids) => closeFollowUp(a, ids.followUp, { outcome: "resolved", body: "Hijacked" })],
  ["getStore", (ids) => getStore(a, ids.store)],
  ["createStore in B's region", (ids) => createStore(a, { name: "Sneaky", code: "SNEAKY", city: null, regionId: ids.region })],
  ["inviteMember with B's store", (ids) => inviteMember(a, { email: newEmail(), name: null, role: "store_manager", storeIds: [ids.store] })],
  ["updateMember of B's member", (ids) => updateMember(a, ids.membership, { role: "admin", storeIds: [] })],
  ["updateMember giving A's member B's store", (ids) => updateMember(a, aIds.membership, { role: "store_manager", storeIds: [ids.store] })],
  ["removeMember of B's member", (ids) => removeMember(a, ids.membership)],
  ["getSurvey", (ids) => getSurvey(a, ids.survey)],
  ["updateSurveySettings", (ids) => updateSurveySettings(a, ids.survey, { name: "Hijacked", followUpSlaHours: 1, reviewUrl: null })],
  ["saveSurveyText", (ids) => saveSurveyText(a, ids.survey, textInput)],
  ["sendSurvey for B's store", (ids) => sendSurvey(a, { ...contact(), storeId: ids.store, surveyId: null })],
  ["sendSurvey with B's survey", (ids) => sendSurvey(a, { ...contact(), storeId: null, surveyId: ids.survey })],
];

beforeAll(async () => {
  ({ admin: a, ids: aIds } = await populatedTenant("Tenant A"));
  const tenantB = await populatedTenant("Tenant B");
  ({ ids: b } = tenantB);
  bOrganizationId = tenantB.tenant.organizationId;
  before = { a: await tenantRows(a.organizationId), b: await tenantRows(bOrganizationId) };
});

describe("tenant A using tenant B's ids", () => {
  it.each(callsWithForeignIds)("%s is not found, and neither tenant's rows change", async (_name, call) => {
    await expect(call(b)).rejects.toBeInstanceOf(NotFoundError);

    expect(await tenantRows(bOrganizationId)).toEqual(before.b);
    expect(await tenantRows(a.organizationId)).toEqual(before.a);
  });

  it.each(callsWithForeignIds)("%s with an id nobody has is answered the same way", async (_name, call) => {
    const unknown = "c" + randomUUID().replaceAll("-", "").slice(0, 24);
    const ids: Ids = { followUp: unknown, store: unknown, region: unknown, membership: unknown, survey: unknown };
    await expect(call(ids)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists show none of B's rows", async () => {
    const tenantA = { organizationId: a.organizationId };
    const listedIds = [
      ...(await listQueue(a)).open,
      ...(await listStores(a)),
      ...(await listRegions(tenantA)),
      ...(await listMembers(tenantA)),
      ...(await listSurveys(tenantA)),
    ].map((row) => row.id);

    expect(listedIds).toHaveLength(6);
    for (const id of Object.values(b)) expect(listedIds).not.toContain(id);
  });
});
