import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/test-identity-provider";
import { startTestSamlIdentityProvider } from "../support/test-saml-identity-provider";
import { screenshot } from "./support";

// An admin connects the tenant to a real OpenID Connect provider (oidc-provider on loopback) in the settings page;
// a person of a claimed domain then signs in from the sign-in page through the provider, and the admin ends their
// session. Another tenant connects a SAML 2.0 provider (samlify on loopback, whose page posts the answer back).

const port = Number(process.env.E2E_PORT ?? 3100);
let idp: TestIdentityProvider;
test.beforeAll(async () => {
  idp = await startTestIdentityProvider({ redirectUri: `http://localhost:${port}/signin/sso/callback` });
});
test.afterAll(() => idp?.stop());

const domain = `sso-${randomBytes(3).toString("hex")}.example`;

async function demoSignIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

test("an admin connects the company's provider, a person signs in through it, and the admin ends their session", async ({ page, browser }) => {
  await demoSignIn(page, "admin@northwind.demo");
  await page.getByRole("link", { name: "Single sign-on" }).click();
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client id").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains your company owns (one a line)").fill(domain);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByRole("status").first()).toContainText("Single sign-on saved");
  // The secret is never sent back to the browser.
  await page.reload();
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  expect(await page.content()).not.toContain(idp.clientSecret);

  await page.getByLabel("Group", { exact: true }).fill("nps-cx");
  await page.getByLabel("Role").selectOption("cx_manager");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByTestId("group-mappings")).toContainText("nps-cx");
  await screenshot(page, "sso-settings");

  // The person, in a browser of their own.
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  idp.accounts.set("carla", { email: `carla@${domain}`, name: "Carla Cx", groups: ["nps-cx", "all-staff"] });
  await person.goto("/signin");
  await person.getByLabel("Work email").fill(`carla@${domain}`);
  await person.getByRole("button", { name: "Continue" }).click();
  await expect(person.getByRole("heading", { name: "Company sign-in" })).toBeVisible();
  expect(new URL(person.url()).origin).toBe(idp.issuer);
  await person.getByLabel("Account").fill("carla");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person).toHaveURL(/\/dashboard/);
  await expect(person.locator(".who")).toContainText(`carla@${domain}`);
  await expect(person.locator(".who")).toContainText("CX manager");
  await screenshot(person, "sso-signed-in");

  // Someone in no mapped group is told so.
  idp.accounts.set("dan", { email: `dan@${domain}`, groups: ["all-staff"] });
  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto("/signin");
  await outsider.getByLabel("Work email").fill(`dan@${domain}`);
  await outsider.getByRole("button", { name: "Continue" }).click();
  await outsider.getByLabel("Account").fill("dan");
  await outsider.getByRole("button", { name: "Sign in" }).click();
  await expect(outsider.getByRole("heading", { name: "You have no access to NPS Loop yet" })).toBeVisible();
  await screenshot(outsider, "sso-no-access");

  // The admin sees Carla's session and ends it; her next click lands on the sign-in page.
  await page.getByRole("link", { name: "Sessions" }).click();
  const row = page.getByTestId("sessions").locator("tr", { hasText: `carla@${domain}` });
  await expect(row).toContainText("Single sign-on");
  await expect(row).toContainText("Chrome");
  await screenshot(page, "sessions");
  await row.getByRole("button", { name: "End session" }).click();
  await expect(page.getByTestId("sessions").locator("tr", { hasText: `carla@${domain}` })).toHaveCount(0);
  await person.reload();
  await expect(person).toHaveURL(/\/signin/);
});

test("a provider that is down answers a friendly page", async ({ page }) => {
  const down = await startTestIdentityProvider({ redirectUri: `http://localhost:${port}/signin/sso/callback` });
  const downDomain = `down-${randomBytes(3).toString("hex")}.example`;
  await demoSignIn(page, "admin@lumen.demo");
  await page.goto("/settings/sso");
  await page.getByLabel("Issuer URL").fill(down.issuer);
  await page.getByLabel("Client id").fill(down.clientId);
  await page.getByLabel("Client secret").fill(down.clientSecret);
  await page.getByLabel("Email domains your company owns (one a line)").fill(downDomain);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByRole("status").first()).toContainText("Single sign-on saved");
  await down.stop();

  const visitor = await (await page.context().browser()!.newContext()).newPage();
  await visitor.goto("/signin");
  await visitor.getByLabel("Work email").fill(`someone@${downDomain}`);
  await visitor.getByRole("button", { name: "Continue" }).click();
  await expect(visitor.getByRole("heading", { name: "Your company's sign-in service is not answering" })).toBeVisible();
  await screenshot(visitor, "sso-provider-down");
});

test("an admin connects a SAML provider, and a person signs in through it: redirected there, posted back", async ({ page, browser }) => {
  const saml = await startTestSamlIdentityProvider();
  const samlDomain = `saml-${randomBytes(3).toString("hex")}.example`;
  try {
    await demoSignIn(page, "admin@lumen.demo");
    await page.goto("/settings/sso");
    await page.getByLabel("Protocol").selectOption("saml");
    // What the IT admin enters at the provider, and the metadata it can import instead.
    const serviceProvider = page.getByTestId("saml-service-provider");
    const entityId = (await serviceProvider.locator("dd code").first().textContent())!;
    expect(entityId).toMatch(/^http:\/\/localhost:\d+\/signin\/sso\/saml\/[^/]+\/metadata$/);
    await expect(serviceProvider).toContainText(entityId.replace(/metadata$/, "acs"));
    expect(await (await page.request.get(entityId)).text()).toContain(`entityID="${entityId}"`);

    const save = async (certificate: string) => {
      await page.getByLabel("Identity provider entity id (Issuer)").fill(saml.entityId);
      await page.getByLabel("Identity provider single sign-on URL").fill(saml.ssoUrl);
      await page.getByLabel("Identity provider signing certificate (PEM)").fill(certificate);
      await page.getByLabel("Groups attribute").fill("groups");
      await page.getByLabel("Email domains your company owns (one a line)").fill(samlDomain);
      await page.getByRole("button", { name: "Save single sign-on" }).click();
    };
    await save("not a certificate");
    await expect(page.getByText("Paste your provider's signing certificate")).toBeVisible();
    await save(saml.certificate);
    await expect(page.getByRole("status").first()).toContainText("Single sign-on saved");
    await page.reload();
    await expect(page.getByLabel("Protocol")).toHaveValue("saml");
    await expect(page.getByLabel("Identity provider single sign-on URL")).toHaveValue(saml.ssoUrl);
    await page.getByLabel("Group", { exact: true }).fill("nps-lumen-cx");
    await page.getByLabel("Role").selectOption("cx_manager");
    await page.getByRole("button", { name: "Add mapping" }).click();
    await expect(page.getByTestId("group-mappings")).toContainText("nps-lumen-cx");
    await screenshot(page, "sso-saml-settings");

    saml.accounts.set("sam", { email: `sam@${samlDomain}`, name: "Sam Saml", groups: ["nps-lumen-cx"] });
    const person = await (await browser.newContext()).newPage();
    await person.goto("/signin");
    await person.getByLabel("Work email").fill(`sam@${samlDomain}`);
    await person.getByRole("button", { name: "Continue" }).click();
    await expect(person.getByRole("heading", { name: "Company sign-in" })).toBeVisible();
    expect(person.url().startsWith(`${saml.ssoUrl}?SAMLRequest=`)).toBe(true);
    await person.getByLabel("Account").fill("sam");
    await person.getByRole("button", { name: "Sign in" }).click();
    await expect(person).toHaveURL(/\/dashboard/);
    await expect(person.locator(".who")).toContainText(`sam@${samlDomain}`);
    await expect(person.locator(".who")).toContainText("CX manager");

    await page.getByRole("link", { name: "Sessions" }).click();
    await expect(page.getByTestId("sessions").locator("tr", { hasText: `sam@${samlDomain}` })).toContainText("Single sign-on (SAML)");
  } finally {
    await saml.stop();
  }
});
