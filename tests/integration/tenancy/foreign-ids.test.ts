import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey, listApiKeys } from "@/lib/api/api-keys";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { db } from "@/lib/db/client";
import { weekFromKey } from "@/lib/digests/digest-week";
import { addNote, listQueue } from "@/lib/followups/followups";
import { storeLoopSettingsSchema, surveyLoopSettingsSchema } from "@/lib/followups/loop-settings-schemas";
import { listRootCauses } from "@/lib/followups/root-causes";
import { inviteMember, listMembers, updateMember } from "@/lib/members/members";
import { jobSchema } from "@/lib/queue/enqueue";
import { sendSurvey } from "@/lib/sending/send-survey";
import { createRegion, createStore, listRegions, listStores } from "@/lib/stores/stores";
import { listSurveys } from "@/lib/surveys/surveys";
import { NotFoundError, type Tenant, type TenantWideMember } from "@/lib/tenancy/tenant";
import { listThemes } from "@/lib/themes/read-themes";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createScimToken } from "@/lib/identity/scim/scim-tokens";
import { createSession } from "@/lib/identity/sessions";
import { addGroupMapping } from "@/lib/identity/sso-connections";
import { createMember, createTenant } from "@/tests/support/factories";
import { detractorFollowUp } from "../responses/respond";
import { libFunctionsById, type ByIdFunction, type Parameter } from "./lib-functions";

// Every lib/ function that takes a tenant and an id (found in lib/'s source: lib-functions.ts), called by tenant A
// with one of tenant B's ids, A's own in every other id parameter, is "not found" and changes no row of either
// tenant. A new function is tried without editing this test; one it cannot call (an argument it has no value for)
// fails it until it gets one below, or a line in NOT_BY_ID saying why it is no lookup by id.

const KINDS = ["followUp", "store", "region", "membership", "survey", "theme", "rootCause", "apiKey", "contact", "campaign", "resurvey", "surveySend", "response", "webhookEndpoint", "webhookDelivery", "job", "scimToken", "session", "groupMapping"] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<Kind, string>;

/** The kind of object a parameter names: followUpId → followUp, membershipIds → membership. */
const KIND_OF: Record<string, Kind> = { key: "apiKey", endpoint: "webhookEndpoint", delivery: "webhookDelivery", token: "scimToken", mapping: "groupMapping" };
function kindOf(parameter: string): Kind {
  const stem = parameter.replace(/Ids?$/, "");
  const kind = KIND_OF[stem] ?? stem;
  if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`${parameter}: a kind of id the test has no value for; add it to KINDS and to populatedTenant`);
  return kind as Kind;
}

// Not lookups by id, each for its reason (the test fails for an entry that is no longer found).
const NOT_BY_ID: Record<string, string> = {
  "sending/send-survey#countSends": "storeIds is the view's filter: another tenant's stores have no sends of A's to count",
  "identity/membership-from-groups#applyAccess":
    "userId is the person the tenant's own provider or SCIM directory vouched for (people are not tenant-owned); it writes only A's membership",
  "identity/scim/provisioning#syncProvisionedAccess": "scimUserIds come from A's own rows the caller just read; others are skipped, never looked up for a caller",
};

// Jobs run by the worker for rows that may be gone by then (deleted, erased, another tenant's in a forged job):
// nothing found is nothing to do, so they finish quietly instead of throwing, and must still change nothing.
const NOTHING_TO_DO = new Set([
  "alerts/deliver-alert#deliverFollowUpAlert",
  "alerts/escalate#escalateFollowUp",
  "campaigns/run-campaign#runCampaign",
  "digests/send-digests#sendStoreDigest",
  "resurveys/send-resurvey#sendResurvey",
  "sending/deliver-send#deliverSend",
  "sending/reminder#sendSurveyReminder",
  "themes/retag#runThemeRetag",
  "webhooks/deliver-webhook#deliverWebhook",
  // Alert and escalation recipients of a store (null for an online response): another tenant's store has none.
  "alerts/recipients#alertRecipients",
  "alerts/recipients#escalationRecipients",
  // The people a follow-up of the store can be assigned to; the follow-up was checked first (getFollowUp).
  "followups/assignees#listAssignees",
  // A bounce or complaint reported for a contact that is gone.
  "sending/suppress-contact#suppressContact",
]);

// Reads whose answer for an id not the tenant's is "none" (null), which their pages show as not found.
const NONE = new Set(["digests/store-digest#getStoreDigest", "resurveys/recovery#recoveryOf", "resurveys/recovery#resurveyOf"]);

const textInput = { locale: "en", emailSubject: "Hijacked", question: "Hijacked?", detractorPrompt: "x", passivePrompt: "x", promoterPrompt: "x", thankYou: "x" };
const themeInput = { name: "Hijacked", keywords_en: ["hijack"], keywords_de: [], keywords_nl: [], keywords_pl: [], keywords_fr: [] };

/** Values for parameters that are not the tenant, an id or optional, by function and parameter name. */
const ARGUMENTS: Record<string, Record<string, (own: Ids) => unknown>> = {
  "followups/followups#addNote": { input: () => ({ body: "Hijacked" }) },
  "followups/followups#assignFollowUp": { input: (own) => ({ membershipId: own.membership }) },
  "followups/followups#closeFollowUp": { input: () => ({ outcome: "resolved", body: "Hijacked" }) },
  "followups/loop-settings#updateStoreLoopSettings": {
    input: () => storeLoopSettingsSchema.parse({ followUpSlaHours: "4", timeZone: "Europe/Berlin", opensAt: "", closesAt: "", openDays: ["1"], reviewUrl: "" }),
  },
  "followups/loop-settings#updateSurveyLoopSettings": {
    input: () => surveyLoopSettingsSchema.parse({ passiveSlaHours: "12", resurveyAfterDays: "3", holdoutPercent: "0", referralUrl: "" }),
  },
  "followups/loop-settings#setRegionManager": {},
  "followups/root-causes#setRootCauseArchived": { archived: () => true },
  "members/members#updateMember": { input: () => ({ role: "admin", storeIds: [] }) },
  "sending/suppress-contact#suppressContact": { reason: () => "complained" },
  "surveys/surveys#saveSurveyText": { input: () => textInput },
  "surveys/surveys#updateSurveySettings": { input: () => ({ name: "Hijacked", followUpSlaHours: 1, reviewUrl: null }) },
  "themes/edit-themes#updateTheme": { input: () => themeInput },
  "themes/retag#runThemeRetag": { version: () => 1 },
  "digests/send-digests#sendStoreDigest": { weekStart: () => "2026-11-02" },
  "digests/send-digests#sendDigestNow": { weekStart: () => "2026-11-02" },
  "digests/store-digest#getStoreDigest": { week: () => weekFromKey("2026-11-02", "Europe/Berlin") },
  "api/contacts#updateContactForApi": { fields: () => ({ email: "hijacked@example.test", name: "Hijacked" }) },
};

type Populated = { tenant: Tenant; admin: TenantWideMember; ids: Ids };

/** A tenant with one of everything an id can name. */
async function populatedTenant(name: string): Promise<Populated> {
  const { tenant, admin } = await createTenant(name);
  const endpoint = await createWebhookEndpoint(tenant, { url: "https://crm.example.test/hook", events: ["response.created", "followup.created"] });
  const region = await createRegion(tenant, { name: "Region" });
  const store = await createStore(tenant, { name: "Store", code: "S-1", city: null, regionId: region.id });
  const manager = await createMember(tenant, "store_manager", [store.id]);
  const followUp = await detractorFollowUp(tenant, { storeId: store.id });
  await addNote(admin, followUp.id, { body: "Called once" });
  const response = await db.response.findUniqueOrThrow({ where: { id: followUp.responseId } });
  const survey = await db.survey.findFirstOrThrow({ where: tenant });
  const campaign = await db.campaign.create({ data: { ...tenant, name: "Spring", surveyId: survey.id, audience: {} } });
  const resurvey = await db.resurvey.create({ data: { ...tenant, responseId: response.id, group: "contacted", dueAt: new Date("2030-01-01") } });
  const scimToken = await createScimToken(admin, "Okta");
  await addGroupMapping(admin, { group: "nps-store", role: "store_manager", storeId: store.id });
  const [job] = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE ${jobSchema()}.job SET state = 'failed' WHERE id = (SELECT id FROM ${jobSchema()}.job WHERE data->>'organizationId' = $1 LIMIT 1) RETURNING id::text`,
    tenant.organizationId,
  );
  const ids: Ids = {
    followUp: followUp.id,
    store: store.id,
    region: region.id,
    membership: (await db.membership.findFirstOrThrow({ where: { ...tenant, userId: manager.userId } })).id,
    survey: survey.id,
    theme: (await listThemes(tenant))[0]!.id,
    rootCause: (await listRootCauses(tenant))[0]!.id,
    apiKey: (await createApiKey(tenant, { name: "Checkout" })).record.id,
    contact: response.contactId,
    campaign: campaign.id,
    resurvey: resurvey.id,
    surveySend: response.surveySendId,
    response: response.id,
    webhookEndpoint: endpoint.id,
    webhookDelivery: (await db.webhookDelivery.findFirstOrThrow({ where: tenant })).id,
    job: job!.id,
    scimToken: (await db.scimToken.findFirstOrThrow({ where: { ...tenant, tokenHash: (await import("node:crypto")).createHash("sha256").update(scimToken).digest("hex") } })).id,
    session: (await db.session.findUniqueOrThrow({ where: { sessionToken: (await createSession(manager.userId, "magic_link", null)).sessionToken } })).id,
    groupMapping: (await db.ssoGroupMapping.findFirstOrThrow({ where: tenant })).id,
  };
  return { tenant, admin, ids };
}

/** Every row either tenant owns, in every table with an organizationId: equal snapshots mean nothing changed. */
async function everyRow(organizationId: string) {
  const models = Object.keys(db).filter((key) => !key.startsWith("$") && !key.startsWith("_"));
  const rows: Record<string, string[]> = {};
  for (const model of models) {
    const delegate = (db as unknown as Record<string, { findMany?: (args: object) => Promise<object[]> }>)[model];
    if (typeof delegate?.findMany !== "function") continue;
    try {
      rows[model] = (await delegate.findMany({ where: { organizationId } })).map((row) => JSON.stringify(row)).sort();
    } catch {
      // A table without organizationId (users, sessions): no tenant's own row.
    }
  }
  return rows;
}

let a: Populated;
let b: Populated;
let before: { a: Awaited<ReturnType<typeof everyRow>>; b: Awaited<ReturnType<typeof everyRow>> };

const found = libFunctionsById();
const keyOf = (fn: ByIdFunction) => `${fn.module}#${fn.name}`;
// One call per id parameter: B's id there, A's own ids in the others.
const cases = found
  .filter((fn) => !(keyOf(fn) in NOT_BY_ID))
  .flatMap((fn) => fn.parameters.filter((p) => p.id).map((p) => [`${keyOf(fn)} with B's ${p.name}`, fn, p] as const));

async function callWith(fn: ByIdFunction, foreign: Parameter, foreignIds: Ids) {
  const module = (await import(fn.file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const given = ARGUMENTS[keyOf(fn)] ?? {};
  const args = fn.parameters.map((p, index) => {
    if (p.tenant) return a.admin;
    if (index < fn.parameters.findIndex((q) => q.tenant)) return db; // a transaction or client comes first
    if (p.id) {
      const id = (p === foreign ? foreignIds : a.ids)[kindOf(p.name)];
      return p.name.endsWith("Ids") ? [id] : id;
    }
    if (given[p.name]) return given[p.name]!(a.ids);
    if (p.optional) return undefined;
    throw new Error(`${keyOf(fn)}: no value for its parameter ${p.name}; add one to ARGUMENTS`);
  });
  return module[fn.name]!(...args);
}

beforeAll(async () => {
  a = await populatedTenant("Tenant A");
  b = await populatedTenant("Tenant B");
  before = { a: await everyRow(a.tenant.organizationId), b: await everyRow(b.tenant.organizationId) };
});

describe("tenant A using tenant B's ids in lib/'s functions", () => {
  it("finds the functions, the themes', root causes', webhooks', API keys' and campaigns' among them", () => {
    const names = found.map((fn) => fn.name);
    expect(names).toEqual(expect.arrayContaining(["getFollowUp", "updateTheme", "setRootCauseArchived", "deleteWebhookEndpoint", "revokeApiKey", "getCampaign"]));
    expect(Object.keys(NOT_BY_ID).filter((key) => !found.some((fn) => keyOf(fn) === key)), "stale NOT_BY_ID entries").toEqual([]);
    const answeringOtherwise = [...NOTHING_TO_DO, ...NONE];
    expect(answeringOtherwise.filter((key) => !found.some((fn) => keyOf(fn) === key)), "stale NOTHING_TO_DO or NONE entries").toEqual([]);
  });

  it.each(cases)("%s is not found, and neither tenant's rows change", async (name, fn, foreign) => {
    const call = callWith(fn, foreign, b.ids);
    if (NOTHING_TO_DO.has(keyOf(fn))) await call.catch((error: unknown) => expect(error).toBeInstanceOf(NotFoundError));
    else if (NONE.has(keyOf(fn))) expect(await call, name).toBeNull();
    else await expect(call, name).rejects.toBeInstanceOf(NotFoundError);

    expect(await everyRow(b.tenant.organizationId)).toEqual(before.b);
    expect(await everyRow(a.tenant.organizationId)).toEqual(before.a);
  });

  it.each(cases.filter(([, fn]) => !NOTHING_TO_DO.has(keyOf(fn)) && !NONE.has(keyOf(fn))))("%s with an id nobody has is answered the same way", async (_name, fn, foreign) => {
    const unknown = "c" + randomUUID().replaceAll("-", "").slice(0, 24);
    const nobodys = Object.fromEntries(KINDS.map((kind) => [kind, kind === "job" ? randomUUID() : unknown])) as Ids;
    await expect(callWith(fn, foreign, nobodys)).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Ids that travel inside an input rather than as a parameter of their own.
describe("tenant A with tenant B's ids inside an input", () => {
  const newEmail = () => `foreign-${randomUUID()}@example.test`;
  const contact = () => ({ email: newEmail(), name: null, phone: null, locale: "en" as const });
  const calls: [string, () => Promise<unknown>][] = [
    ["createStore in B's region", () => createStore(a.admin, { name: "Sneaky", code: "SNEAKY", city: null, regionId: b.ids.region })],
    ["inviteMember with B's store", () => inviteMember(a.admin, { email: newEmail(), name: null, role: "store_manager", storeIds: [b.ids.store] })],
    ["updateMember giving A's member B's store", () => updateMember(a.admin, a.ids.membership, { role: "store_manager", storeIds: [b.ids.store] })],
    ["sendSurvey for B's store", () => sendSurvey(a.admin, { ...contact(), storeId: b.ids.store, surveyId: null })],
    ["sendSurvey with B's survey", () => sendSurvey(a.admin, { ...contact(), storeId: null, surveyId: b.ids.survey })],
  ];

  it.each(calls)("%s is not found, and neither tenant's rows change", async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    expect(await everyRow(b.tenant.organizationId)).toEqual(before.b);
    expect(await everyRow(a.tenant.organizationId)).toEqual(before.a);
  });

  it("lists show none of B's rows", async () => {
    const listed = [
      ...(await listQueue(a.admin)).open,
      ...(await listStores(a.admin)),
      ...(await listRegions(a.admin)),
      ...(await listMembers(a.admin)),
      ...(await listSurveys(a.admin)),
      ...(await listThemes(a.admin)),
      ...(await listRootCauses(a.admin)),
      ...(await listWebhookEndpoints(a.admin)),
      ...(await listApiKeys(a.admin)),
      ...(await listCampaigns(a.admin)),
    ].map((row) => row.id);
    for (const id of Object.values(b.ids)) expect(listed).not.toContain(id);
    expect(listed).toEqual(expect.arrayContaining([a.ids.followUp, a.ids.store, a.ids.theme, a.ids.webhookEndpoint, a.ids.apiKey, a.ids.campaign]));
  });
});
