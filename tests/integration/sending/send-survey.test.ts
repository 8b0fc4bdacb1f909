import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { updateBranding } from "@/lib/organizations/organizations";
import { countSends, sendSurvey } from "@/lib/sending/send-survey";
import { saveSurveyText } from "@/lib/surveys/surveys";
import { createSurveyWithDefaults } from "@/lib/surveys/surveys";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { tenantRows } from "../tenancy/tenant-rows";
import { scoreLinksIn, surveyEmailTo } from "./survey-email";

const APP_URL = "http://localhost:3000";

let tenant: Tenant;
let storeId: string;

beforeAll(async () => {
  ({ tenant } = await createTenant("Send Shop"));
  storeId = (await createTestStore(tenant)).id;
});

const newEmail = () => `send-${crypto.randomUUID()}@example.test`;

function send(fields: { email: string; locale?: string; storeId?: string | null; surveyId?: string | null; name?: string }) {
  return sendSurvey(tenant, {
    name: fields.name ?? "Robin Buyer",
    phone: "+44 20 7946 0000",
    storeId: null,
    surveyId: null,
    ...fields,
    locale: (fields.locale ?? "en") as Locale,
  });
}

describe("sending a survey", () => {
  it("after a store visit creates the contact and a store send with its own 32-character token", async () => {
    const email = newEmail();

    const surveySend = await send({ email, storeId, locale: "de" });

    const contact = await db.contact.findUniqueOrThrow({ where: { id: surveySend.contactId } });
    expect(contact).toMatchObject({ organizationId: tenant.organizationId, email, name: "Robin Buyer", locale: "de", storeId });
    expect(surveySend).toMatchObject({ organizationId: tenant.organizationId, storeId, channel: "store", locale: "de" });
    expect(surveySend.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const defaultSurvey = await db.survey.findFirstOrThrow({ where: tenant, orderBy: { createdAt: "asc" } });
    expect(surveySend.surveyId).toBe(defaultSurvey.id);
  });

  it("without a store is an online send", async () => {
    expect(await send({ email: newEmail() })).toMatchObject({ storeId: null, channel: "online" });
  });

  it("to a known email within the throttle days updates that contact but is refused as throttled", async () => {
    const email = newEmail();
    const first = await send({ email, name: "Old Name" });

    await expect(send({ email, name: "New Name", locale: "nl" })).rejects.toThrow(/Not sent: Surveyed on .* not again within 30 days/);

    expect(await db.contact.count({ where: { ...tenant, email } })).toBe(1);
    expect(await db.contact.findUniqueOrThrow({ where: { id: first.contactId } })).toMatchObject({ name: "New Name", locale: "nl" });
    expect(await db.surveySend.findMany({ where: { contactId: first.contactId }, select: { status: true }, orderBy: { createdAt: "asc" } }))
      .toEqual([{ status: "sent" }, { status: "throttled" }]);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(1);
  });

  it("to a known email without a throttle gives the new send a different token", async () => {
    const { tenant: unthrottled } = await createTenant("Unthrottled Shop");
    await db.sendingPolicy.create({ data: { organizationId: unthrottled.organizationId, throttleDays: 0 } });
    const email = newEmail();
    const first = await sendSurvey(unthrottled, { email, name: "Robin", phone: null, locale: "en", storeId: null, surveyId: null });

    const second = await sendSurvey(unthrottled, { email, name: "Robin", phone: null, locale: "en", storeId: null, surveyId: null });

    expect(second.contactId).toBe(first.contactId);
    expect(second.token).not.toBe(first.token);
    expect(second.status).toBe("sent");
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(2);
  });

  it("emails eleven score buttons 0 to 10 carrying the send's token, and an unsubscribe link", async () => {
    const email = newEmail();
    const { token } = await send({ email });

    const message = await surveyEmailTo(email);

    const expected = Array.from({ length: 11 }, (_, score) => `${APP_URL}/s/${token}/${score}`);
    expect(message.organizationId).toBe(tenant.organizationId);
    expect(scoreLinksIn(message.html)).toEqual(expected);
    for (const url of expected) expect(message.text).toContain(url);
    expect(message.html).toContain(`${APP_URL}/s/${token}/unsubscribe`);
  });

  it.each([
    ["en", "How was your visit to Send Shop?"],
    ["de", "Wie war Ihr Besuch bei Send Shop?"],
    ["nl", "Hoe was uw bezoek aan Send Shop?"],
  ])("to a contact who speaks %s has the subject in their language", async (locale, subject) => {
    const email = newEmail();
    await send({ email, locale });
    expect((await surveyEmailTo(email)).subject).toBe(subject);
  });

  it("to a contact whose language we do not speak uses the tenant's default language", async () => {
    const { tenant: dutch } = await createTenant("Dutch Shop");
    await updateBranding(dutch, { name: "Dutch Shop", brandColor: "#ff6600", defaultLocale: "nl" });
    const email = newEmail();

    const surveySend = await sendSurvey(dutch, { email, name: null, phone: null, locale: "es" as Locale, storeId: null, surveyId: null });

    expect(surveySend.locale).toBe("nl");
    expect((await surveyEmailTo(email)).subject).toBe("Hoe was uw bezoek aan Dutch Shop?");
  });

  it("with a chosen survey uses that survey's texts", async () => {
    const survey = await db.$transaction((tx) => createSurveyWithDefaults(tx, tenant, { name: "After support" }));
    await saveSurveyText(tenant, survey.id, {
      locale: "en",
      emailSubject: "How did {brand} support do?",
      question: "Would you recommend {brand} support?",
      detractorPrompt: "Sorry.",
      passivePrompt: "Thanks.",
      promoterPrompt: "Great!",
      thankYou: "Thank you.",
    });
    const email = newEmail();

    const surveySend = await send({ email, surveyId: survey.id });

    expect(surveySend.surveyId).toBe(survey.id);
    expect((await surveyEmailTo(email)).subject).toBe("How did Send Shop support do?");
  });

  it("for a store of another tenant is not found and writes nothing", async () => {
    const { tenant: other } = await createTenant("Other Shop");
    const foreignStore = await createTestStore(other);
    const email = newEmail();
    const before = await tenantRows(tenant.organizationId);

    await expect(send({ email, storeId: foreignStore.id })).rejects.toBeInstanceOf(NotFoundError);

    expect(await tenantRows(tenant.organizationId)).toEqual(before);
    expect(await db.contact.count({ where: { email } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(0);
  });
});

describe("counting sends", () => {
  it("counts a tenant's sends in a date range, for every store or only the given ones", async () => {
    const { tenant: counted } = await createTenant("Counted Shop");
    const [north, south] = [await createTestStore(counted, "North"), await createTestStore(counted, "South")];
    const sentAt = async (at: string, store: string | null) => {
      const surveySend = await sendTestSurvey(counted, { storeId: store });
      await db.surveySend.update({ where: { id: surveySend.id }, data: { sentAt: new Date(at) } });
    };
    await sentAt("2026-02-01T00:00:00Z", north.id);
    await sentAt("2026-02-10T12:00:00Z", south.id);
    await sentAt("2026-02-27T23:59:59Z", null);
    await sentAt("2026-01-31T23:59:59Z", north.id);
    await sentAt("2026-02-28T00:00:00Z", north.id);
    const february = { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-02-28T00:00:00Z") };

    expect(await countSends(counted, february, null)).toBe(3);
    expect(await countSends(counted, february, [north.id])).toBe(1);
    expect(await countSends(counted, february, [north.id, south.id])).toBe(2);
    expect(await countSends(counted, february, [])).toBe(0);
  });
});
