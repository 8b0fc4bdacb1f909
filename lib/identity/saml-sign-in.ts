import { randomBytes } from "node:crypto";
import type { Profile } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";
import { db, Prisma } from "../db/client";
import { logger } from "../logging/logger";
import type { Tenant } from "../tenancy/tenant";
import { serviceProviderFor, serviceProviderOf, type SamlConnection } from "./saml-service-provider";
import { admitProviderPerson, type ProviderPerson } from "./sso-admission";
import { SIGN_IN_MINUTES, SsoSignInError } from "./sso-failure";

const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
// Where providers put the address and the display name: plain names (Okta, Google, Keycloak), the LDAP OID, and
// the claim URIs of Microsoft Entra ID.
const EMAIL_ATTRIBUTES = ["email", "mail", "urn:oid:0.9.2342.19200300.100.1.3", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"];
const NAME_ATTRIBUTES = ["displayName", "name", "http://schemas.microsoft.com/identity/claims/displayname"];

/**
 * The first leg: an AuthnRequest to the tenant's provider (HTTP-Redirect binding), its id kept in Postgres. The id
 * goes into the browser's cookie too: the answer must come back to the browser that asked.
 */
export async function beginSamlSignIn(connection: SamlConnection, now = new Date()): Promise<{ url: string; state: string }> {
  const requestId = `_${randomBytes(20).toString("hex")}`;
  const url = await serviceProviderFor(connection, { requestId, now }).getAuthorizeUrlAsync("", undefined, {});
  return { url, state: requestId };
}

const valuesOf = (value: unknown): string[] => [value].flat().filter((v): v is string => typeof v === "string");

function personOf(profile: Profile, groupAttribute: string): ProviderPerson {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const first = (names: string[]) => names.flatMap((name) => valuesOf(attributes[name]))[0] ?? null;
  const email = first(EMAIL_ATTRIBUTES) ?? (profile.nameIDFormat === EMAIL_NAME_ID ? profile.nameID : null);
  if (!email?.includes("@")) throw new SsoSignInError("refused", "no email address in the assertion");
  return { email, name: first(NAME_ATTRIBUTES), groups: valuesOf(attributes[groupAttribute]) };
}

// xmldom's lists are not iterable: read them by index.
const elements = (parent: Element, name: string) => {
  const list = parent.getElementsByTagNameNS(ASSERTION_NS, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
};

/**
 * What node-saml leaves to us: the assertion comes from the tenant's provider (Issuer), it was addressed to this
 * tenant's ACS URL (every SubjectConfirmationData's Recipient, and the response's Destination when it names one),
 * and the id and expiry by which a replay is recognised.
 */
function addressing(profile: Profile, connection: SamlConnection) {
  const { acsUrl } = serviceProviderOf(connection);
  if (profile.issuer !== connection.issuer) throw new SsoSignInError("refused", `issuer ${profile.issuer}`);
  const [responseXml, assertionXml] = [profile.getSamlResponseXml?.(), profile.getAssertionXml?.()];
  if (!responseXml || !assertionXml) throw new SsoSignInError("refused", "no assertion");
  const parser = new DOMParser();
  const destination = parser.parseFromString(responseXml, "text/xml").documentElement.getAttribute("Destination");
  if (destination && destination !== acsUrl) throw new SsoSignInError("refused", `destination ${destination}`);
  const assertion = parser.parseFromString(assertionXml, "text/xml").documentElement;
  const confirmations = elements(assertion, "SubjectConfirmationData");
  const recipients = confirmations.map((data) => data.getAttribute("Recipient"));
  if (recipients.length === 0 || recipients.some((recipient) => recipient !== acsUrl)) throw new SsoSignInError("refused", `recipient ${recipients}`);
  const assertionId = assertion.getAttribute("ID");
  if (!assertionId) throw new SsoSignInError("refused", "assertion without ID");
  const expiries = [...confirmations, ...elements(assertion, "Conditions")].map((e) => Date.parse(e.getAttribute("NotOnOrAfter") ?? ""));
  return { assertionId, expiries: expiries.filter(Number.isFinite) };
}

/** An assertion is accepted once: it is kept until it expires (and at least as long as the request it answers). */
async function consumeAssertion(tenant: Tenant, assertionId: string, expiries: number[], now: Date) {
  const expires = new Date(Math.max(now.getTime() + SIGN_IN_MINUTES * 60_000, ...expiries));
  try {
    await db.samlAssertion.create({ data: { organizationId: tenant.organizationId, assertionId, expires } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new SsoSignInError("refused", `replayed assertion ${assertionId}`);
    throw error;
  }
}

/** The request an answer names, used up: false when it was never ours, is too old, or was used already. */
async function consumeRequest(tenant: Tenant, requestId: string, now: Date): Promise<boolean> {
  const { count } = await db.samlRequest.deleteMany({
    where: { id: requestId, organizationId: tenant.organizationId, issuedAt: { gte: new Date(now.getTime() - SIGN_IN_MINUTES * 60_000) } },
  });
  return count === 1;
}

/**
 * The second leg, at the tenant's ACS URL (HTTP-POST binding): node-saml checks the signature of the assertion
 * against the certificate on file, audience, time limits and InResponseTo; then the addressing, this browser's
 * request, and that neither the assertion nor the request was used before. Then the person is admitted.
 */
export async function completeSamlSignIn(
  tenant: Tenant,
  input: { samlResponse: string | null; requestId: string | null; userAgent: string | null },
  now = new Date(),
) {
  if (!input.requestId) throw new SsoSignInError("expired", "no request cookie");
  const connection = await db.ssoConnection.findUnique({ where: { organizationId: tenant.organizationId } });
  if (connection?.protocol !== "saml" || !connection.groupAttribute) throw new SsoSignInError("not_configured");
  if (!input.samlResponse) throw new SsoSignInError("refused", "no SAMLResponse");
  let profile: Profile | null;
  try {
    ({ profile } = await serviceProviderFor(connection, { now }).validatePostResponseAsync({ SAMLResponse: input.samlResponse }));
  } catch (error) {
    logger().warn({ err: error, organizationId: tenant.organizationId }, "single sign-on: the SAML answer was refused");
    throw new SsoSignInError("refused", (error as Error).message);
  }
  if (!profile) throw new SsoSignInError("refused", "no assertion");
  const { assertionId, expiries } = addressing(profile, connection);
  if (profile.inResponseTo !== input.requestId) throw new SsoSignInError("refused", "answer to another browser's request");
  await consumeAssertion(tenant, assertionId, expiries, now);
  if (!(await consumeRequest(tenant, input.requestId, now))) throw new SsoSignInError("expired", "request used or expired");
  return admitProviderPerson(tenant, personOf(profile, connection.groupAttribute), "saml", input.userAgent, now);
}
