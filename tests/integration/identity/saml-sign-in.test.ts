import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as spMetadata } from "@/app/signin/sso/saml/[tenant]/metadata/route";
import { db } from "@/lib/db/client";
import { ssoConnectionInputSchema } from "@/lib/identity/schemas";
import { addGroupMapping, isMagicLinkRefused, ssoSignInPathFor } from "@/lib/identity/sso-connections";
import { findMemberForUser } from "@/lib/members/members";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { readAuthnRequest, startTestSamlIdentityProvider, type Tamper, type TestSamlIdentityProvider } from "@/tests/support/test-saml-identity-provider";
import { connectSamlTenant, postToAcs, startSignIn } from "./sso-requests";

// SAML 2.0 sign-in against a real SAML identity provider (samlify, signing with its own key pair and certificate),
// through the app's own routes: the AuthnRequest redirect, the ACS post, the service provider metadata.

let okta: TestSamlIdentityProvider;
let entra: TestSamlIdentityProvider;
beforeAll(async () => {
  [okta, entra] = await Promise.all([startTestSamlIdentityProvider({ shape: "okta" }), startTestSamlIdentityProvider({ shape: "entra" })]);
});
afterAll(() => Promise.all([okta.stop(), entra.stop()]));

const domain = () => `${randomBytes(4).toString("hex")}.example.test`;
const ENTRA_GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";

async function samlTenant(idp = okta, groupAttribute = "groups") {
  const { tenant, admin } = await createTenant("SAML Retail");
  const store = await createTestStore(tenant, "Store 4711");
  const claimed = domain();
  await connectSamlTenant(admin, idp, [claimed], groupAttribute);
  await addGroupMapping(admin, { group: "nps-store-4711", role: "store_manager", storeId: store.id });
  await addGroupMapping(admin, { group: "nps-cx", role: "cx_manager", storeId: null });
  return { tenant, admin, store, claimed };
}

/** The whole sign-in as a browser makes it: to the provider, signed in there as `account`, its answer posted back. */
async function signInThroughSaml(email: string, account: string, idp = okta, tamper: Tamper = {}) {
  const start = await startSignIn(email);
  const answer = await idp.answer(start.location, account, tamper);
  return { ...(await postToAcs(answer.acsUrl, answer.samlResponse, start.stateCookie)), start, answer };
}

const refused = { location: "/signin/sso/failed?reason=refused", sessionToken: null };

describe("single sign-on through the tenant's SAML identity provider", () => {
  it("sends an address of a claimed domain to the provider with an AuthnRequest, its id kept in Postgres and in the browser's cookie", async () => {
    const { tenant, claimed } = await samlTenant();
    expect(await ssoSignInPathFor(`ann@${claimed}`)).toBe(`/signin/sso?email=ann%40${claimed}`);

    const start = await startSignIn(`ann@${claimed}`);
    expect(start.location.startsWith(`${okta.ssoUrl}?SAMLRequest=`)).toBe(true);
    const request = readAuthnRequest(start.location);
    expect(request.acsUrl).toBe(`http://localhost:3000/signin/sso/saml/${tenant.organizationId}/acs`);
    expect(request.spEntityId).toBe(`http://localhost:3000/signin/sso/saml/${tenant.organizationId}/metadata`);
    expect(await db.samlRequest.count({ where: { id: request.id, organizationId: tenant.organizationId } })).toBe(1);
    expect(start.stateCookie).toBe(`nps-sso-state=${request.id}`);
  });

  it("serves the tenant's service provider metadata: entity id, ACS URL (HTTP-POST), signed assertions wanted", async () => {
    const { tenant } = await samlTenant();
    const url = `http://localhost:3000/signin/sso/saml/${tenant.organizationId}/metadata`;
    const response = await spMetadata(new Request(url), { params: Promise.resolve({ tenant: tenant.organizationId }) });
    const xml = await response.text();
    expect(response.headers.get("content-type")).toContain("samlmetadata+xml");
    expect(xml).toContain(`entityID="${url}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toMatch(new RegExp(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${url.replace("metadata", "acs")}"`));
    const unknown = await spMetadata(new Request(url), { params: Promise.resolve({ tenant: "no-such-tenant" }) });
    expect(unknown.status).toBe(404);
  });

  it("signs a store manager in with a signed assertion (Okta's shape), with the store their group maps to", async () => {
    const { tenant, store, claimed } = await samlTenant();
    const email = `manager@${claimed}`;
    okta.accounts.set("manager", { email, name: "Mia Manager", groups: ["nps-store-4711", "Everyone"] });

    const result = await signInThroughSaml(email, "manager");

    expect(result.location).toBe("/dashboard");
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: result.sessionToken! }, include: { user: true } });
    expect(session.user).toMatchObject({ email, name: "Mia Manager" });
    expect(session.method).toBe("saml");
    expect(await findMemberForUser(session.userId, tenant.organizationId)).toMatchObject({ role: "store_manager", storeIds: [store.id] });
    const signIn = await db.auditEvent.findFirstOrThrow({ where: { organizationId: tenant.organizationId, actorId: session.userId, action: "sign_in" } });
    expect(signIn.detail).toMatchObject({ method: "saml", groups: ["nps-store-4711", "Everyone"] });
    expect(await db.auditEvent.count({ where: { organizationId: tenant.organizationId, subject: session.userId, action: "member_access_granted" } })).toBe(1);
  });

  it("reads Microsoft Entra ID's claim URIs: the address, the display name and the groups attribute", async () => {
    const { tenant, claimed } = await samlTenant(entra, ENTRA_GROUPS);
    const email = `cx@${claimed}`;
    entra.accounts.set("cx", { email, name: "Carla Cx", groups: ["nps-store-4711", "nps-cx"] });

    const result = await signInThroughSaml(email, "cx", entra);

    expect(result.location).toBe("/dashboard");
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: result.sessionToken! }, include: { user: true } });
    expect(session.user.name).toBe("Carla Cx");
    expect(await findMemberForUser(session.userId, tenant.organizationId)).toMatchObject({ role: "cx_manager" });
  });

  it("gives no access, and a page saying so, to a person none of whose groups is mapped", async () => {
    const { tenant, claimed } = await samlTenant();
    okta.accounts.set("outsider", { email: `outsider@${claimed}`, groups: ["finance"] });

    const result = await signInThroughSaml(`outsider@${claimed}`, "outsider");

    expect(result).toMatchObject({ location: "/signin/sso/failed?reason=no_access", sessionToken: null });
    const user = await db.user.findUniqueOrThrow({ where: { email: `outsider@${claimed}` } });
    expect(await db.membership.count({ where: { organizationId: tenant.organizationId, userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  describe("refuses an answer that does not pass every check, and signs nobody in", () => {
    const cases: [string, (acsUrl: string) => Tamper][] = [
      ["an unsigned assertion in an unsigned response", () => ({ sign: "none" })],
      ["an unsigned assertion in a signed response (signed assertions only)", () => ({ sign: "response" })],
      ["an assertion signed by another key than the certificate on file", () => ({ signedBy: "another key" })],
      ["an assertion for another audience", () => ({ audience: "https://other-app.example.com/saml/metadata" })],
      ["an assertion for another recipient", () => ({ recipient: "https://other-app.example.com/saml/acs" })],
      ["a response for another destination", () => ({ destination: "https://other-app.example.com/saml/acs" })],
      ["an assertion from another issuer", () => ({ issuer: "https://other-idp.example.com" })],
      ["an expired assertion", () => ({ notOnOrAfter: new Date(Date.now() - 10 * 60_000) })],
    ];
    for (const [what, tamper] of cases) {
      it(what, async () => {
        const { claimed } = await samlTenant();
        const email = `victim-${randomBytes(3).toString("hex")}@${claimed}`;
        okta.accounts.set(email, { email, groups: ["nps-cx"] });

        const result = await signInThroughSaml(email, email, okta, tamper(""));

        expect(result).toMatchObject(refused);
        expect(await db.session.count({ where: { user: { email } } })).toBe(0);
      });
    }
  });

  it("refuses an answer to a request the app never sent, even with a cookie to match", async () => {
    const { claimed } = await samlTenant();
    okta.accounts.set("forged", { email: `forged@${claimed}`, groups: ["nps-cx"] });
    const start = await startSignIn(`forged@${claimed}`);
    const forgedId = `_${randomBytes(20).toString("hex")}`;
    const answer = await okta.answer(start.location, "forged", { inResponseTo: forgedId });

    expect(await postToAcs(answer.acsUrl, answer.samlResponse, `nps-sso-state=${forgedId}`)).toEqual(refused);
    // The genuine request's cookie does not make another request's answer acceptable either.
    expect(await postToAcs(answer.acsUrl, answer.samlResponse, start.stateCookie)).toEqual(refused);
  });

  it("refuses an answer posted without the browser's cookie, and one meant for another browser's sign-in", async () => {
    const { claimed } = await samlTenant();
    okta.accounts.set("two-browsers", { email: `two@${claimed}`, groups: ["nps-cx"] });
    const mine = await startSignIn(`two@${claimed}`);
    const theirs = await startSignIn(`two@${claimed}`);
    const answer = await okta.answer(theirs.location, "two-browsers");

    expect(await postToAcs(answer.acsUrl, answer.samlResponse, null)).toEqual({ location: "/signin/sso/failed?reason=expired", sessionToken: null });
    expect(await postToAcs(answer.acsUrl, answer.samlResponse, mine.stateCookie)).toEqual(refused);
    expect((await postToAcs(answer.acsUrl, answer.samlResponse, theirs.stateCookie)).location).toBe("/dashboard");
  });

  it("refuses a replayed assertion: the same answer again, or its assertion id in another answer", async () => {
    const { tenant, claimed } = await samlTenant();
    okta.accounts.set("replay", { email: `replay@${claimed}`, groups: ["nps-cx"] });
    const first = await signInThroughSaml(`replay@${claimed}`, "replay");
    expect(first.location).toBe("/dashboard");

    // The captured answer posted again, cookie and all.
    expect(await postToAcs(first.answer.acsUrl, first.answer.samlResponse, first.start.stateCookie)).toEqual(refused);
    // A fresh, correctly signed answer to a fresh request that carries the used assertion's id.
    const again = await signInThroughSaml(`replay@${claimed}`, "replay", okta, { assertionId: first.answer.assertionId });
    expect(again).toMatchObject(refused);
    const kept = await db.samlAssertion.findUniqueOrThrow({ where: { organizationId_assertionId: { organizationId: tenant.organizationId, assertionId: first.answer.assertionId } } });
    expect(kept.expires.getTime()).toBeGreaterThan(Date.now());
    expect(await db.session.count({ where: { user: { email: `replay@${claimed}` } } })).toBe(1);
  });

  it("does not let one tenant's provider sign in another tenant's people, by address or at its ACS URL", async () => {
    const mine = await samlTenant(okta);
    const theirs = await samlTenant(entra, ENTRA_GROUPS);

    // Their provider vouches for an address in our domain: refused.
    entra.accounts.set("impostor", { email: `ceo@${mine.claimed}`, groups: ["nps-cx"] });
    const impostor = await signInThroughSaml(`someone@${theirs.claimed}`, "impostor", entra);
    expect(impostor).toMatchObject({ location: "/signin/sso/failed?reason=domain_not_claimed", sessionToken: null });

    // Their provider's answer for their own sign-in, posted at our ACS URL: not our audience, recipient nor signer.
    entra.accounts.set("theirs", { email: `staff@${theirs.claimed}`, groups: ["nps-cx"] });
    const start = await startSignIn(`staff@${theirs.claimed}`);
    const answer = await entra.answer(start.location, "theirs");
    const ourAcs = answer.acsUrl.replace(theirs.tenant.organizationId, mine.tenant.organizationId);
    expect(await postToAcs(ourAcs, answer.samlResponse, start.stateCookie)).toEqual(refused);
    expect(await db.user.count({ where: { email: { in: [`ceo@${mine.claimed}`, `staff@${theirs.claimed}`] }, memberships: { some: {} } } })).toBe(0);
  });

  it("keeps SSO required and the break-glass admin's email link, as for OpenID Connect", async () => {
    const { admin, claimed } = await samlTenant();
    await (await import("@/lib/identity/sso-connections")).saveSsoConnection(admin, {
      protocol: "saml",
      issuer: okta.entityId,
      ssoUrl: okta.ssoUrl,
      signingCertificate: okta.certificate,
      groupAttribute: "groups",
      domains: [claimed],
      ssoRequired: true,
      breakGlassEmail: `breakglass@${claimed}`,
    });
    expect(await isMagicLinkRefused(`teller@${claimed}`)).toBe(true);
    expect(await ssoSignInPathFor(`breakglass@${claimed}`)).toBeNull();
  });

  it("checks the signing certificate as it is saved, and audits the change by the certificate's fingerprint", async () => {
    const form = { protocol: "saml", issuer: okta.entityId, ssoUrl: okta.ssoUrl, groupAttribute: "groups", domains: "example.com" };
    const bad = ssoConnectionInputSchema.safeParse({ ...form, signingCertificate: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Paste your provider's signing certificate: the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----",
    ]);
    // The bare base64 some providers show is taken as the certificate.
    const bare = okta.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "");
    expect(ssoConnectionInputSchema.parse({ ...form, signingCertificate: bare })).toMatchObject({ protocol: "saml", signingCertificate: okta.certificate.trim() });

    const { tenant } = await samlTenant();
    const change = await db.auditEvent.findFirstOrThrow({ where: { organizationId: tenant.organizationId, action: "sso_settings_changed" } });
    expect(change.detail).toMatchObject({ protocol: "saml", issuer: okta.entityId, ssoUrl: okta.ssoUrl, groupAttribute: "groups" });
    expect(JSON.stringify(change.detail)).not.toContain("BEGIN CERTIFICATE");
    expect((change.detail as { certificate: string }).certificate).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
