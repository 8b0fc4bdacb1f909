import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import * as samlify from "samlify";
import { generate } from "selfsigned";

// A SAML 2.0 identity provider for the single sign-on tests: samlify (a maintained SAML library) signs the answers
// with a key pair and self-signed certificate made here. It answers the app's AuthnRequest (HTTP-Redirect) with a
// Response posted to the app's ACS URL (HTTP-POST), shaped as real providers send them; each check of the app can
// be put to the test by changing one part of the answer (`tamper`). On loopback it also serves a one-field login
// page and the auto-posting form, for the browser tests.

export type SamlTestAccount = { email: string; name?: string; groups?: string[] };

/** The parts of an answer a test may change; the signing is samlify's, of whatever the answer then says. */
export type Tamper = {
  sign?: "assertion" | "response" | "none";
  signedBy?: "own key" | "another key";
  audience?: string;
  recipient?: string;
  destination?: string;
  issuer?: string;
  inResponseTo?: string;
  assertionId?: string;
  notOnOrAfter?: Date;
};

// How Okta and Microsoft Entra ID name what they send (the groups attribute's name is the tenant's setting).
export const ATTRIBUTE_SHAPES = {
  okta: { email: "email", name: "displayName", groups: "groups" },
  entra: {
    email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    name: "http://schemas.microsoft.com/identity/claims/displayname",
    groups: "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
  },
} as const;

const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const POST = samlify.Constants.namespace.binding.post;
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function signingIdentity(entityId: string, ssoUrl: string) {
  const pems = await generate([{ name: "commonName", value: "Test SAML IdP" }], { keySize: 2048, algorithm: "sha256" });
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    signingCert: pems.cert,
    privateKey: pems.private,
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl }],
    // Not used here; samlify warns without one.
    singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl.replace("/sso", "/slo") }],
  });
  return { idp, certificate: pems.cert };
}

/** The AuthnRequest in a redirect URL: its id, the service provider that sent it, and where to answer. */
export function readAuthnRequest(redirectUrl: string) {
  const encoded = new URL(redirectUrl).searchParams.get("SAMLRequest");
  if (!encoded) throw new Error(`No SAMLRequest in ${redirectUrl}`);
  const request = new DOMParser().parseFromString(inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8"), "text/xml").documentElement;
  return {
    id: request.getAttribute("ID")!,
    acsUrl: request.getAttribute("AssertionConsumerServiceURL")!,
    spEntityId: request.getElementsByTagNameNS(ASSERTION_NS, "Issuer").item(0)?.textContent ?? "",
  };
}

// A Response as providers send one for the HTTP-POST binding: one bearer assertion, its conditions, an AuthnStatement
// and the attributes. samlify signs it as it is.
const RESPONSE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer>' +
  '<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Recipient}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{AssertionID}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  "<saml:AttributeStatement>{Attributes}</saml:AttributeStatement></saml:Assertion></samlp:Response>";

function responseXml(values: Record<string, string>, attributes: [string, string[]][]) {
  const attributeXml = attributes
    .filter(([, list]) => list.length > 0)
    .map(
      ([name, list]) =>
        `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
        list.map((value) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue>`).join("") +
        "</saml:Attribute>",
    )
    .join("");
  return RESPONSE.replace(/\{(\w+)\}/g, (_, tag: string) => (tag === "Attributes" ? attributeXml : escapeXml(values[tag] ?? "")));
}

export type TestSamlIdentityProvider = Awaited<ReturnType<typeof startTestSamlIdentityProvider>>;

export async function startTestSamlIdentityProvider(options: { shape?: keyof typeof ATTRIBUTE_SHAPES } = {}) {
  const shape = ATTRIBUTE_SHAPES[options.shape ?? "okta"];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/metadata`;
  const ssoUrl = `${origin}/sso`;
  const own = await signingIdentity(entityId, ssoUrl);
  const impostor = await signingIdentity(entityId, ssoUrl);
  const accounts = new Map<string, SamlTestAccount>();

  /** The Response (base64, as the HTTP-POST binding carries it) to the AuthnRequest in `redirectUrl`. */
  async function answer(redirectUrl: string, account: string, tamper: Tamper = {}) {
    const request = readAuthnRequest(redirectUrl);
    const person = accounts.get(account);
    if (!person) throw new Error(`No test account ${account}`);
    const now = new Date();
    const values = {
      ID: `_${randomBytes(16).toString("hex")}`,
      AssertionID: tamper.assertionId ?? `_${randomBytes(16).toString("hex")}`,
      IssueInstant: now.toISOString(),
      Destination: tamper.destination ?? request.acsUrl,
      Recipient: tamper.recipient ?? request.acsUrl,
      Audience: tamper.audience ?? request.spEntityId,
      Issuer: tamper.issuer ?? entityId,
      InResponseTo: tamper.inResponseTo ?? request.id,
      NotBefore: new Date(now.getTime() - 60_000).toISOString(),
      NotOnOrAfter: (tamper.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString(),
      NameID: person.email,
    };
    const xml = responseXml(values, [
      [shape.email, [person.email]],
      [shape.name, person.name ? [person.name] : []],
      [shape.groups, person.groups ?? []],
    ]);
    const assertionId = values.AssertionID;
    const sign = tamper.sign ?? "assertion";
    if (sign === "none") return { acsUrl: request.acsUrl, samlResponse: Buffer.from(xml).toString("base64"), assertionId };
    // samlify signs the assertion when the service provider wants signed assertions, else the whole response.
    const sp = samlify.ServiceProvider({ entityID: request.spEntityId, assertionConsumerService: [{ Binding: POST, Location: request.acsUrl }], wantAssertionsSigned: sign === "assertion" });
    const signer = tamper.signedBy === "another key" ? impostor.idp : own.idp;
    const { context } = await signer.createLoginResponse(sp, { extract: { request: { id: values.InResponseTo } } }, "post", {}, () => ({ id: values.ID, context: xml }));
    return { acsUrl: request.acsUrl, samlResponse: context as string, assertionId };
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void serveBrowser(req, res, answer).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    entityId,
    ssoUrl,
    certificate: own.certificate,
    accounts,
    answer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Answer = (redirectUrl: string, account: string) => Promise<{ acsUrl: string; samlResponse: string }>;

/** The provider's pages as a browser sees them: the login form, then the form that posts the answer to the app. */
async function serveBrowser(req: IncomingMessage, res: ServerResponse, answer: Answer) {
  res.setHeader("content-type", "text/html; charset=utf-8");
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/sso") {
    res.end(
      `<!doctype html><title>Test SAML IdP</title><h1>Company sign-in</h1><form method="post" action="/sso/login">` +
        `<input type="hidden" name="request" value="${escapeXml(url.href)}">` +
        `<label>Account <input name="login" autofocus></label><button type="submit">Sign in</button></form>`,
    );
    return;
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  const form = new URLSearchParams(body);
  const { acsUrl, samlResponse } = await answer(form.get("request") ?? "", form.get("login") ?? "");
  res.end(
    `<!doctype html><title>Signing you in</title><body onload="document.forms[0].submit()">` +
      `<form method="post" action="${escapeXml(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${escapeXml(samlResponse)}">` +
      `<noscript><button type="submit">Continue</button></noscript></form></body>`,
  );
}
