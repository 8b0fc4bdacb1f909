import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { sendInvitation } from "@/lib/members/invitation";
import { findMemberForUser, inviteMember, signInLocaleOf } from "@/lib/members/members";
import { setOwnLocale, setStaffLocaleOfTenant, staffLocaleOfTenant } from "@/lib/members/staff-locale";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";

const smtp = smtpSinkForThisFile();

describe("the staff's language", () => {
  it("is English for a new tenant until an admin sets its default for staff, which the audit log records", async () => {
    const { tenant } = await createTenant("Lyon Lumière");
    const admin = await createMember(tenant, "admin");
    expect(await staffLocaleOfTenant(tenant)).toBe("en");

    await setStaffLocaleOfTenant(admin, "fr");

    expect(await staffLocaleOfTenant(tenant)).toBe("fr");
    const events = await db.auditEvent.findMany({ where: { organizationId: tenant.organizationId, action: "staff_locale_changed" } });
    expect(events.map((event) => [event.actorId, event.detail])).toEqual([[admin.userId, { locale: "fr" }]]);
  });

  it("sets one tenant's default without touching another's", async () => {
    const { tenant } = await createTenant("Gdańsk Bursztyn");
    const { tenant: other } = await createTenant("Utrecht Gracht");
    await setStaffLocaleOfTenant(await createMember(tenant, "admin"), "pl");

    expect(await staffLocaleOfTenant(other)).toBe("en");
  });

  it("writes the sign-in email in the person's own language, else their tenant's default", async () => {
    const { tenant } = await createTenant("Hamburg Hafen");
    const manager = await createMember(tenant, "store_manager", [(await createTestStore(tenant)).id]);
    await setStaffLocaleOfTenant(await createMember(tenant, "admin"), "nl");
    const email = (await db.user.findUniqueOrThrow({ where: { id: manager.userId } })).email;
    expect(await signInLocaleOf(email)).toBe("nl");

    await setOwnLocale(manager.userId, "de");
    expect(await signInLocaleOf(email)).toBe("de");
    await setOwnLocale(manager.userId, null);
    expect(await signInLocaleOf(email)).toBe("nl");
  });

  it("invites a new member by email in the tenant's default language, naming their role", async () => {
    const { tenant } = await createTenant("Gdańsk Port");
    const admin = await createMember(tenant, "admin");
    await setStaffLocaleOfTenant(admin, "pl");
    const email = `kierownik-${Date.now()}@example.test`;
    const membership = await inviteMember(admin, { email, name: null, role: "store_manager", storeIds: [(await createTestStore(tenant, "Długa")).id] });

    await sendInvitation(admin, membership.id);

    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toBe("Zaproszenie do Gdańsk Port w NPS Loop");
    expect(mail!.text).toContain("Gdańsk Port dodał(a) Cię w roli: Kierownik sklepu.");
    expect(mail!.text).toContain("http://localhost:3000/signin");
    expect(await findMemberForUser(membership.userId, tenant.organizationId)).not.toBeNull();
  });

  it("sends no invitation for another tenant's membership", async () => {
    const { tenant } = await createTenant("Lyon Croix-Rousse");
    const { tenant: other } = await createTenant("Amsterdam Jordaan");
    const stranger = await createMember(other, "cx_manager");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: stranger.userId, organizationId: other.organizationId } });
    const strangerEmail = (await db.user.findUniqueOrThrow({ where: { id: stranger.userId } })).email;

    await expect(sendInvitation(tenant, membership.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(smtp.to(strangerEmail)).toEqual([]);
  });
});
