import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findMemberForUser } from "@/lib/members/members";
import { createOrganization, getOrganization, updateBranding } from "@/lib/organizations/organizations";
import { getDefaultSurvey } from "@/lib/surveys/surveys";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { createTenant, sendTestSurvey } from "@/tests/support/factories";
import { surveyEmailTo } from "../sending/survey-email";

const uniqueSlug = () => `org-${randomUUID().slice(0, 8)}`;

async function userByEmail(email: string) {
  return db.user.findUniqueOrThrow({ where: { email } });
}

describe("creating an organization", () => {
  it("creates the tenant, its first admin and a default survey in five languages", async () => {
    const slug = uniqueSlug();
    const adminEmail = `Founder-${slug}@Example.test`;

    const organization = await createOrganization({
      name: "Fresh Bakery",
      slug,
      adminEmail,
      adminName: "Frida Founder",
      defaultLocale: "de",
      brandColor: "#aa3300",
      followUpSlaHours: 8,
      reviewUrl: "https://reviews.example/bakery",
    });

    expect(organization).toMatchObject({ name: "Fresh Bakery", slug, defaultLocale: "de", brandColor: "#aa3300" });
    const admin = await userByEmail(adminEmail.toLowerCase());
    expect(admin.name).toBe("Frida Founder");
    expect(await findMemberForUser(admin.id, organization.id)).toMatchObject({ role: "admin", storeIds: null });
    const survey = await getDefaultSurvey({ organizationId: organization.id });
    expect(survey).toMatchObject({ name: "After purchase", followUpSlaHours: 8, reviewUrl: "https://reviews.example/bakery" });
    expect(survey.texts.map((text) => text.locale)).toEqual(["de", "en", "fr", "nl", "pl"]);
    expect(survey.texts.every((text) => text.organizationId === organization.id)).toBe(true);
  });

  it("defaults to English, the house colour and a 24-hour call-back SLA", async () => {
    const organization = await createOrganization({ name: "Plain", slug: uniqueSlug(), adminEmail: `plain-${randomUUID()}@example.test` });

    expect(organization).toMatchObject({ defaultLocale: "en", brandColor: "#1f4e79" });
    expect(await getDefaultSurvey({ organizationId: organization.id })).toMatchObject({ followUpSlaHours: 24, reviewUrl: null });
  });

  it("makes an existing user the admin of the new tenant too", async () => {
    const { admin } = await createTenant("First Business");
    const { email } = await db.user.findUniqueOrThrow({ where: { id: admin.userId } });

    const second = await createOrganization({ name: "Second Business", slug: uniqueSlug(), adminEmail: email });

    expect(await findMemberForUser(admin.userId, second.id)).toMatchObject({ role: "admin" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("an organization's branding", () => {
  it("is read back for the tenant, and an unknown tenant is not found", async () => {
    const { tenant, organization } = await createTenant("Readable");

    expect(await getOrganization(tenant)).toEqual(organization);
    await expect(getOrganization({ organizationId: "no-such-organization" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("changes name, colour and language of this tenant only, and the next email carries the new name", async () => {
    const [{ tenant }, { tenant: other, organization: otherBefore }] = [await createTenant("Old Name"), await createTenant("Untouched")];

    await updateBranding(tenant, { name: "New Name", brandColor: "#00aa55", defaultLocale: "fr" });

    expect(await getOrganization(tenant)).toMatchObject({ name: "New Name", brandColor: "#00aa55", defaultLocale: "fr" });
    expect(await getOrganization(other)).toEqual(otherBefore);
    const email = `brand-${randomUUID()}@example.test`;
    await sendTestSurvey(tenant, { email });
    expect((await surveyEmailTo(email)).subject).toBe("How was your visit to New Name?");
  });
});
