import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LOCALES } from "@/lib/i18n/locales";
import { detractorFollowUp, hoursFrom } from "../responses/respond";
import { sendTestSurvey, createTenant } from "@/tests/support/factories";
import {
  addSurvey as addSurveyFromForm,
  chooseSurvey,
  createSurveyWithDefaults,
  getDefaultSurvey,
  getSurvey,
  listSurveys,
  saveSurveyText,
  updateSurveySettings,
} from "@/lib/surveys/surveys";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { surveyEmailTo } from "../sending/survey-email";

const addSurvey = (tenant: Tenant, name: string) => db.$transaction((tx) => createSurveyWithDefaults(tx, tenant, { name }));

const germanText = {
  locale: "de" as const,
  emailSubject: "Kurze Frage von {brand}",
  question: "Würden Sie {brand} empfehlen?",
  detractorPrompt: "Was lief schief?",
  passivePrompt: "Was fehlt zur 10?",
  promoterPrompt: "Was hat gefallen?",
  thankYou: "Danke!",
};

describe("surveys", () => {
  it("a CX manager adds a survey with its own call-back time and texts, and the settings pages choose it by id", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const { tenant: other } = await createTenant("Other Shop");
    const first = await getDefaultSurvey(tenant);

    const support = await addSurveyFromForm(tenant, { name: "After a support case", followUpSlaHours: 4, reviewUrl: null });

    expect(await chooseSurvey(tenant, undefined)).toMatchObject({ id: first.id });
    expect(await chooseSurvey(tenant, support.id)).toMatchObject({ name: "After a support case", followUpSlaHours: 4 });
    expect((await chooseSurvey(tenant, support.id)).texts).toHaveLength(LOCALES.length);
    await expect(chooseSurvey(other, support.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the default survey is the tenant's first, with texts in every language", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const first = await getDefaultSurvey(tenant);
    await addSurvey(tenant, "After support");

    expect(await getDefaultSurvey(tenant)).toMatchObject({ id: first.id, name: "After purchase", organizationId: tenant.organizationId });
    expect(first.texts.map((text) => text.locale)).toEqual([...LOCALES].sort());
  });

  it("are listed oldest first, each tenant its own", async () => {
    const { tenant } = await createTenant("Survey Shop");
    await createTenant("Other Shop");
    const second = await addSurvey(tenant, "After support");

    expect((await listSurveys(tenant)).map((survey) => survey.name)).toEqual(["After purchase", second.name]);
  });

  it("a survey opens with its texts ordered by language", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const created = await addSurvey(tenant, "After delivery");

    const survey = await getSurvey(tenant, created.id);

    expect(survey.name).toBe("After delivery");
    expect(survey.texts.map((text) => text.locale)).toEqual(["de", "en", "fr", "nl", "pl"]);
  });

  it("new settings are saved, and the next detractor is due within the new SLA", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const { id } = await getDefaultSurvey(tenant);

    await updateSurveySettings(tenant, id, { name: "After visit", followUpSlaHours: 2, reviewUrl: "https://reviews.example/shop" });

    expect(await getSurvey(tenant, id)).toMatchObject({ name: "After visit", followUpSlaHours: 2, reviewUrl: "https://reviews.example/shop" });
    const at = new Date("2026-03-02T08:00:00Z");
    expect((await detractorFollowUp(tenant, { at })).dueAt).toEqual(hoursFrom(at, 2));
  });

  it("an edited text replaces that language's text and the next email uses it", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const { id } = await getDefaultSurvey(tenant);

    await saveSurveyText(tenant, id, germanText);

    const survey = await getSurvey(tenant, id);
    expect(survey.texts).toHaveLength(5);
    expect(survey.texts.find((text) => text.locale === "de")).toMatchObject(germanText);
    const email = `de-${crypto.randomUUID()}@example.test`;
    await sendTestSurvey(tenant, { email, locale: "de" });
    expect((await surveyEmailTo(email)).subject).toBe("Kurze Frage von Survey Shop");
  });

  it("a text in a language the survey lacks is added", async () => {
    const { tenant } = await createTenant("Survey Shop");
    const { id } = await getDefaultSurvey(tenant);
    await db.surveyText.deleteMany({ where: { surveyId: id, locale: "de" } });

    const saved = await saveSurveyText(tenant, id, germanText);

    expect(saved).toMatchObject({ organizationId: tenant.organizationId, surveyId: id, locale: "de" });
    expect((await getSurvey(tenant, id)).texts).toHaveLength(5);
  });
});
