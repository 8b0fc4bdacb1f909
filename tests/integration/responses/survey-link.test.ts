import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordScore } from "@/lib/responses/record-score";
import { getSurveyLink, textsFor } from "@/lib/responses/survey-link";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";

let tenant: Tenant;

beforeAll(async () => {
  ({ tenant } = await createTenant("Link Shop"));
});

describe("the survey link a customer opens", () => {
  it("names the tenant, store, contact and survey texts of its send, and the response once there is one", async () => {
    const store = await createTestStore(tenant, "Harbour Road");
    const send = await sendTestSurvey(tenant, { storeId: store.id, locale: "de" });

    const before = await getSurveyLink(send.token);
    await recordScore(send.token, 6);
    const after = await getSurveyLink(send.token);

    expect(before).toMatchObject({ id: send.id, organizationId: tenant.organizationId, locale: "de", response: null });
    expect(before.organization.name).toBe("Link Shop");
    expect(before.store).toMatchObject({ name: "Harbour Road" });
    expect(before.contact).toMatchObject({ name: "Casey Customer", phone: "+49 30 1234567", unsubscribedAt: null });
    expect(before.survey.texts).toHaveLength(5);
    expect(after.response).toMatchObject({ score: 6, category: "detractor" });
  });

  it("speaks the send's language", async () => {
    const link = await getSurveyLink((await sendTestSurvey(tenant, { locale: "pl" })).token);
    expect(textsFor(link).locale).toBe("pl");
  });

  it("falls back to the tenant's default language when the send's language has no texts", async () => {
    const send = await sendTestSurvey(tenant, { locale: "fr" });
    await db.organization.update({ where: { id: tenant.organizationId }, data: { defaultLocale: "nl" } });
    await db.surveyText.deleteMany({ where: { surveyId: send.surveyId, locale: "fr" } });

    expect(textsFor(await getSurveyLink(send.token)).locale).toBe("nl");
  });

  it.each([
    ["an unknown token", "D".repeat(32)],
    ["a token of the wrong length", "D".repeat(31)],
    ["a token with characters a token never has", `${"D".repeat(31)}'`],
  ])("with %s is not found", async (_case, token) => {
    await expect(getSurveyLink(token)).rejects.toBeInstanceOf(NotFoundError);
  });
});
