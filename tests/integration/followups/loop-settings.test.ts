import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getLoopSettings,
  setCustomerServiceTeam,
  setRegionManager,
  updateStoreLoopSettings,
  updateSurveyLoopSettings,
} from "@/lib/followups/loop-settings";
import { storeLoopSettingsSchema, surveyLoopSettingsSchema } from "@/lib/followups/loop-settings-schemas";
import { createRegion } from "@/lib/stores/stores";
import { addSurvey } from "@/lib/surveys/surveys";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { tenantRows } from "../tenancy/tenant-rows";

const storeForm = { timeZone: "Europe/Berlin", followUpSlaHours: "4", opensAt: "09:00", closesAt: "18:30", openDays: ["1", "2", "3", "4", "5", "6"], reviewUrl: "" };

describe("the loop settings", () => {
  it("are per survey: the page shows the survey it names, and another tenant's survey is not found", async () => {
    const { tenant } = await createTenant("Settings Shop");
    const { tenant: other } = await createTenant("Other Shop");
    const support = await addSurvey(tenant, { name: "After support", followUpSlaHours: 8, reviewUrl: null });
    await updateSurveyLoopSettings(tenant, support.id, surveyLoopSettingsSchema.parse({ passiveSlaHours: "12", resurveyAfterDays: "3", holdoutPercent: "0", referralUrl: "" }));

    expect((await getLoopSettings(tenant)).survey.name).toBe("After purchase");
    expect((await getLoopSettings(tenant, support.id)).survey).toMatchObject({ name: "After support", resurveyAfterDays: 3, holdoutPercent: 0 });
    await expect(getLoopSettings(other, support.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("save the survey's alert, passive, re-survey, holdout and referral settings", async () => {
    const { tenant } = await createTenant("Settings Shop");
    const survey = await db.survey.findFirstOrThrow({ where: tenant });
    const input = surveyLoopSettingsSchema.parse({ alertPassives: "on", passiveSlaHours: "48", resurveyAfterDays: "0", holdoutPercent: "20", referralUrl: "https://shop.example/refer" });

    await updateSurveyLoopSettings(tenant, survey.id, input);

    expect(await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({
      alertPassives: true,
      passiveFollowUps: false,
      passiveSlaHours: 48,
      resurveyAfterDays: 0,
      holdoutPercent: 20,
      referralUrl: "https://shop.example/refer",
    });
  });

  it("save a store's call-back time and business hours in its time zone", async () => {
    const { tenant } = await createTenant("Settings Shop");
    const store = await createTestStore(tenant);

    await updateStoreLoopSettings(tenant, store.id, storeLoopSettingsSchema.parse(storeForm));

    expect(await db.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({
      followUpSlaHours: 4,
      timeZone: "Europe/Berlin",
      opensAt: 540,
      closesAt: 1110,
      openDays: "123456",
      reviewUrl: null,
    });
  });

  it("refuse bad input with messages a person understands", () => {
    const errors = (input: Record<string, unknown>) => storeLoopSettingsSchema.safeParse({ ...storeForm, ...input }).error?.issues.map((i) => i.message);
    expect(errors({ timeZone: "Mars/Olympus" })).toEqual(["Choose a time zone such as Europe/Berlin"]);
    expect(errors({ closesAt: "" })).toEqual(["Give both opening and closing time, or neither"]);
    expect(errors({ opensAt: "19:00" })).toEqual(["Closes after it opens"]);
    expect(errors({ openDays: [] })).toEqual(["Choose at least one day"]);
    expect(surveyLoopSettingsSchema.safeParse({ passiveSlaHours: "1", resurveyAfterDays: "3", holdoutPercent: "80" }).error?.issues[0]?.message).toBe("At most 50");
  });

  it("name a region's manager and the customer-service team from the tenant's own members", async () => {
    const { tenant } = await createTenant("Settings Shop");
    const region = await createRegion(tenant, { name: "North" });
    const regional = await createMember(tenant, "cx_manager");
    const agent = await createMember(tenant, "cx_manager");
    const membershipOf = async (userId: string) => (await db.membership.findFirstOrThrow({ where: { ...tenant, userId } })).id;

    await setRegionManager(tenant, region.id, await membershipOf(regional.userId));
    await setCustomerServiceTeam(tenant, [await membershipOf(agent.userId)]);

    expect((await db.region.findUniqueOrThrow({ where: { id: region.id } })).managerId).toBe(await membershipOf(regional.userId));
    const team = await db.membership.findMany({ where: { ...tenant, customerService: true } });
    expect(team.map((m) => m.userId)).toEqual([agent.userId]);
  });

  it("answer another tenant's ids with not found and change nothing", async () => {
    const { tenant: mine } = await createTenant("Mine");
    const { tenant: theirs } = await createTenant("Theirs");
    const [theirSurvey, theirStore, theirRegion] = [
      await db.survey.findFirstOrThrow({ where: theirs }),
      await createTestStore(theirs),
      await createRegion(theirs, { name: "West" }),
    ];
    const theirMember = await createMember(theirs, "cx_manager");
    const theirMembership = (await db.membership.findFirstOrThrow({ where: { ...theirs, userId: theirMember.userId } })).id;
    const myRegion = await createRegion(mine, { name: "East" });
    const before = await tenantRows(theirs.organizationId);

    const calls = [
      () => updateSurveyLoopSettings(mine, theirSurvey.id, surveyLoopSettingsSchema.parse({ passiveSlaHours: "1", resurveyAfterDays: "1", holdoutPercent: "0" })),
      () => updateStoreLoopSettings(mine, theirStore.id, storeLoopSettingsSchema.parse(storeForm)),
      () => setRegionManager(mine, theirRegion.id, null),
      () => setRegionManager(mine, myRegion.id, theirMembership),
      () => setCustomerServiceTeam(mine, [theirMembership]),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotFoundError);

    expect(await tenantRows(theirs.organizationId)).toEqual(before);
  });
});
