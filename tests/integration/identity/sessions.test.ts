import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession, describeDevice, endSession, listActiveSessions, touchSession } from "@/lib/identity/sessions";
import { createMember, createTenant } from "@/tests/support/factories";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

describe("sessions an admin controls", () => {
  it("names the device from the browser's user agent", () => {
    expect(describeDevice(CHROME_LINUX)).toBe("Chrome 156 on Linux");
    expect(describeDevice(SAFARI_IPHONE)).toBe("Safari 18 on iOS");
    expect(describeDevice(null)).toBe("Unknown device");
  });

  it("shows an admin every member's active session, and a member only their own", async () => {
    const { tenant, admin } = await createTenant("Session Shop");
    const cx = await createMember(tenant, "cx_manager");
    const other = await createTenant("Other Shop");
    await createSession(admin.userId, "magic_link", CHROME_LINUX);
    await createSession(cx.userId, "oidc", SAFARI_IPHONE);
    await createSession(other.admin.userId, "oidc", CHROME_LINUX);
    const expired = await createSession(cx.userId, "oidc", CHROME_LINUX, new Date("2020-01-01T00:00:00Z"));

    const seenByAdmin = await listActiveSessions(admin);
    expect(seenByAdmin.map((s) => s.userId).sort()).toEqual([admin.userId, cx.userId].sort());
    expect(seenByAdmin.find((s) => s.userId === cx.userId)).toMatchObject({ device: "Safari 18 on iOS", method: "oidc" });
    expect((await listActiveSessions(cx)).map((s) => s.userId)).toEqual([cx.userId]);
    expect(await db.session.count({ where: { sessionToken: expired.sessionToken } })).toBe(1);
  });

  it("lets an admin end a member's session, a member end only their own, and nobody another tenant's", async () => {
    const { tenant, admin } = await createTenant("Ending Shop");
    const cx = await createMember(tenant, "cx_manager");
    const other = await createTenant("Foreign Shop");
    const [adminSession, cxSession, foreignSession] = await Promise.all([
      createSession(admin.userId, "magic_link", CHROME_LINUX),
      createSession(cx.userId, "oidc", CHROME_LINUX),
      createSession(other.admin.userId, "oidc", CHROME_LINUX),
    ]);
    const idOf = async (token: string) => (await db.session.findUniqueOrThrow({ where: { sessionToken: token } })).id;

    await expect(endSession(cx, await idOf(adminSession.sessionToken))).rejects.toThrow(/not found/i);
    await expect(endSession(admin, await idOf(foreignSession.sessionToken))).rejects.toThrow(/not found/i);
    await endSession(admin, await idOf(cxSession.sessionToken));
    await endSession(admin, await idOf(adminSession.sessionToken));

    expect(await db.session.count({ where: { userId: { in: [admin.userId, cx.userId] } } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.admin.userId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: tenant.organizationId, action: "session_ended", actorId: admin.userId } })).toBe(2);
  });

  it("records when a session was last seen at most every five minutes", async () => {
    const { admin } = await createTenant("Seen Shop");
    const start = new Date("2026-12-01T10:00:00Z");
    const { sessionToken } = await createSession(admin.userId, "magic_link", null, start);
    await touchSession(sessionToken, CHROME_LINUX, new Date("2026-12-01T10:04:00Z"));
    expect(await db.session.findUniqueOrThrow({ where: { sessionToken } })).toMatchObject({ lastSeenAt: start, userAgent: null });
    await touchSession(sessionToken, CHROME_LINUX, new Date("2026-12-01T10:06:00Z"));
    expect(await db.session.findUniqueOrThrow({ where: { sessionToken } })).toMatchObject({ lastSeenAt: new Date("2026-12-01T10:06:00Z"), userAgent: CHROME_LINUX });
  });
});
