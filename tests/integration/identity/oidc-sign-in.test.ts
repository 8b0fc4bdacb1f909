import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findMemberForUser } from "@/lib/members/members";
import { addGroupMapping, getSsoSettings, isMagicLinkRefused, ssoSignInPathFor } from "@/lib/identity/sso-connections";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { startTestIdentityProvider, type TestIdentityProvider } from "@/tests/support/test-identity-provider";
import { connectTenant, finishSignIn, loginAtProvider, REDIRECT_URI, signInThroughProvider, startSignIn } from "./sso-requests";

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startTestIdentityProvider({ redirectUri: REDIRECT_URI });
});
afterAll(() => idp.stop());

const domain = () => `${randomBytes(4).toString("hex")}.example.test`;

async function connectedTenant() {
  const { tenant, admin } = await createTenant("SSO Retail");
  const store = await createTestStore(tenant, "Store 1234");
  const claimed = domain();
  await connectTenant(admin, idp, [claimed]);
  await addGroupMapping(admin, { group: "nps-store-1234", role: "store_manager", storeId: store.id });
  await addGroupMapping(admin, { group: "nps-cx", role: "cx_manager", storeId: null });
  return { tenant, admin, store, claimed };
}

describe("single sign-on through the tenant's OpenID Connect provider", () => {
  it("discovers the provider and sends an address of a claimed domain there, with state, nonce and PKCE", async () => {
    const { claimed } = await connectedTenant();
    expect(await ssoSignInPathFor(`ann@${claimed}`)).toBe(`/signin/sso?email=ann%40${claimed}`);
    expect(await ssoSignInPathFor("ann@unclaimed.example.test")).toBeNull();

    const start = await startSignIn(`ann@${claimed}`);
    const url = new URL(start.location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(start.stateCookie).toBe(`nps-sso-state=${url.searchParams.get("state")}`);
  });

  it("keeps the client secret encrypted at rest and never returns it", async () => {
    const { tenant } = await connectedTenant();
    const stored = await db.ssoConnection.findUniqueOrThrow({ where: { organizationId: tenant.organizationId } });
    expect(stored.clientSecret).toMatch(/^v1:/);
    expect(stored.clientSecret).not.toContain(idp.clientSecret);
    expect(JSON.stringify(await getSsoSettings(tenant))).not.toContain("clientSecret");
  });

  it("signs a store manager in on first visit, with the store their group maps to, in a database session", async () => {
    const { tenant, store, claimed } = await connectedTenant();
    const email = `manager@${claimed}`;
    idp.accounts.set("manager-1234", { email, name: "Mia Manager", groups: ["nps-store-1234", "unrelated-group"] });

    const result = await signInThroughProvider(email, "manager-1234");

    expect(result.location).toBe("/dashboard");
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: result.sessionToken! }, include: { user: true } });
    expect(session.user.email).toBe(email);
    expect(session.method).toBe("oidc");
    expect(await findMemberForUser(session.userId, tenant.organizationId)).toMatchObject({ role: "store_manager", storeIds: [store.id] });
    const audit = await db.auditEvent.findMany({ where: { organizationId: tenant.organizationId, subject: session.userId } });
    expect(audit.map((e) => e.action)).toContain("member_access_granted");
    expect(await db.auditEvent.count({ where: { organizationId: tenant.organizationId, actorId: session.userId, action: "sign_in" } })).toBe(1);
  });

  it("takes the highest role of the person's groups and follows the provider when the groups change", async () => {
    const { tenant, claimed } = await connectedTenant();
    const email = `cx@${claimed}`;
    idp.accounts.set("cx-person", { email, groups: ["nps-store-1234", "nps-cx"] });
    const first = await signInThroughProvider(email, "cx-person");
    const userId = (await db.session.findUniqueOrThrow({ where: { sessionToken: first.sessionToken! } })).userId;
    expect(await findMemberForUser(userId, tenant.organizationId)).toMatchObject({ role: "cx_manager", storeIds: null });

    idp.accounts.set("cx-person", { email, groups: ["nps-store-1234"] });
    await signInThroughProvider(email, "cx-person");
    expect(await findMemberForUser(userId, tenant.organizationId)).toMatchObject({ role: "store_manager" });
  });

  it("gives no access, and a page saying so, to a person none of whose groups is mapped", async () => {
    const { tenant, claimed } = await connectedTenant();
    idp.accounts.set("outsider", { email: `outsider@${claimed}`, groups: ["finance"] });

    const result = await signInThroughProvider(`outsider@${claimed}`, "outsider");

    expect(result).toEqual({ location: "/signin/sso/failed?reason=no_access", sessionToken: null });
    const user = await db.user.findUnique({ where: { email: `outsider@${claimed}` } });
    expect(await db.membership.count({ where: { organizationId: tenant.organizationId, userId: user!.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user!.id } })).toBe(0);
  });

  it("refuses an address whose domain another tenant claimed, both in the settings and at sign-in", async () => {
    const mine = await connectedTenant();
    const theirs = await createTenant("Other Bank");
    await expect(connectTenant(theirs.admin, idp, [mine.claimed])).rejects.toMatchObject({ fieldErrors: { domains: expect.stringContaining(mine.claimed) } });

    // Their provider vouches for an address in our domain: refused, nobody is signed in anywhere.
    const theirDomain = domain();
    await connectTenant(theirs.admin, idp, [theirDomain]);
    await addGroupMapping(theirs.admin, { group: "nps-cx", role: "cx_manager", storeId: null });
    idp.accounts.set("impostor", { email: `ceo@${mine.claimed}`, groups: ["nps-cx"] });
    const result = await signInThroughProvider(`someone@${theirDomain}`, "impostor");

    expect(result).toEqual({ location: "/signin/sso/failed?reason=domain_not_claimed", sessionToken: null });
    expect(await db.user.count({ where: { email: `ceo@${mine.claimed}`, memberships: { some: {} } } })).toBe(0);
  });

  it("refuses an answer whose state was tampered with", async () => {
    const { claimed } = await connectedTenant();
    idp.accounts.set("state-victim", { email: `victim@${claimed}`, groups: ["nps-cx"] });
    const result = await signInThroughProvider(`victim@${claimed}`, "state-victim", {
      callbackUrl: (url) => url.searchParams.set("state", "forged-state-value"),
    });
    expect(result).toEqual({ location: "/signin/sso/failed?reason=refused", sessionToken: null });
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const { claimed } = await connectedTenant();
    idp.accounts.set("nonce-victim", { email: `nonce@${claimed}`, groups: ["nps-cx"] });
    const result = await signInThroughProvider(`nonce@${claimed}`, "nonce-victim", {
      authorizationUrl: (url) => url.searchParams.set("nonce", "a-nonce-an-attacker-chose"),
    });
    expect(result).toEqual({ location: "/signin/sso/failed?reason=refused", sessionToken: null });
  });

  it("refuses a callback replayed or arriving without the browser's state cookie", async () => {
    const { claimed } = await connectedTenant();
    idp.accounts.set("no-cookie", { email: `nocookie@${claimed}`, groups: ["nps-cx"] });
    const start = await startSignIn(`nocookie@${claimed}`);
    const callback = await loginAtProvider(start.location, "no-cookie");
    expect(await finishSignIn(callback, null)).toEqual({ location: "/signin/sso/failed?reason=expired", sessionToken: null });
    // The state was not used up by the cookie-less try; the real browser succeeds once, a replay does not.
    expect((await finishSignIn(callback, start.stateCookie)).location).toBe("/dashboard");
    expect(await finishSignIn(callback, start.stateCookie)).toEqual({ location: "/signin/sso/failed?reason=expired", sessionToken: null });
  });

  it("answers a friendly page when the provider is down", async () => {
    const { admin } = await createTenant("Down Provider");
    const claimed = domain();
    const down = await startTestIdentityProvider({ redirectUri: REDIRECT_URI });
    await connectTenant(admin, down, [claimed]);
    await down.stop();

    expect(await startSignIn(`someone@${claimed}`)).toMatchObject({ status: 303, location: "/signin/sso/failed?reason=unavailable" });
  });

  it("refuses email links for a tenant that requires single sign-on, but not to its break-glass admin", async () => {
    const { tenant, admin } = await createTenant("Strict Bank");
    const claimed = domain();
    await connectTenant(admin, idp, [claimed], { ssoRequired: true, breakGlassEmail: `breakglass@${claimed}` });
    expect(await isMagicLinkRefused(`teller@${claimed}`)).toBe(true);
    expect(await isMagicLinkRefused(`breakglass@${claimed}`)).toBe(false);
    expect(await ssoSignInPathFor(`breakglass@${claimed}`)).toBeNull();
    expect(await isMagicLinkRefused("someone@elsewhere.example.test")).toBe(false);
    // next-auth asks before it sends a link and again when one is used: the sign-in page then says why.
    const { authOptions } = await import("@/lib/auth/options");
    const ask = (email: string) => authOptions.callbacks!.signIn!({ user: { id: email, email }, account: null, email: { verificationRequest: true } } as never);
    expect(await ask(`teller@${claimed}`)).toBe("/signin?error=SsoRequired");
    expect(await ask(`breakglass@${claimed}`)).toBe(true);
    expect(await db.auditEvent.count({ where: { organizationId: tenant.organizationId, action: "sso_settings_changed" } })).toBe(1);
  });
});
