import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { InputError } from "../forms/input-error";
import { assertStoresOfTenant } from "../stores/stores";
import { NotFoundError, type Member, type Tenant } from "../tenancy/tenant";
import type { GroupMappingInput, SsoConnectionInput } from "./schemas";
import { sealSecret } from "./secret-box";
import { fingerprintOf } from "./signing-certificate";

export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The settings page's view: everything but the client secret, which is never shown again. */
export async function getSsoSettings(tenant: Tenant) {
  const [connection, domains, mappings] = await Promise.all([
    db.ssoConnection.findUnique({
      where: { organizationId: tenant.organizationId },
      select: {
        protocol: true,
        issuer: true,
        clientId: true,
        ssoUrl: true,
        signingCertificate: true,
        groupAttribute: true,
        ssoRequired: true,
        breakGlassEmail: true,
        updatedAt: true,
      },
    }),
    db.ssoDomain.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { domain: "asc" } }),
    db.ssoGroupMapping.findMany({
      where: { organizationId: tenant.organizationId },
      include: { store: { select: { name: true, code: true } } },
      orderBy: { group: "asc" },
    }),
  ]);
  return { connection, domains: domains.map((d) => d.domain), mappings };
}

/**
 * Saves the tenant's provider and claims its domains. A domain is one tenant's only: claiming one another tenant
 * holds is refused, so an address always leads to exactly one company's provider.
 */
export async function saveSsoConnection(member: Member, input: SsoConnectionInput) {
  const tenant = { organizationId: member.organizationId };
  const { protocol, audited } = await protocolSettings(tenant, input);
  const taken = await db.ssoDomain.findMany({
    where: { domain: { in: input.domains }, organizationId: { not: tenant.organizationId } },
    select: { domain: true },
  });
  if (taken.length > 0) throw new InputError({ domains: `Already claimed by another company: ${taken.map((d) => d.domain).join(", ")}` });
  const settings = { ...protocol, ssoRequired: input.ssoRequired, breakGlassEmail: input.breakGlassEmail };
  await db.$transaction(async (tx) => {
    await tx.ssoConnection.upsert({ where: tenant, create: { ...tenant, ...settings }, update: settings });
    await tx.ssoDomain.deleteMany({ where: { organizationId: tenant.organizationId, domain: { notIn: input.domains } } });
    // A claim another tenant made between the check and here fails on the primary key: the same refusal.
    await tx.ssoDomain.createMany({ data: input.domains.map((domain) => ({ domain, ...tenant })), skipDuplicates: true });
    const mine = await tx.ssoDomain.count({ where: { organizationId: tenant.organizationId, domain: { in: input.domains } } });
    if (mine !== input.domains.length) throw new InputError({ domains: "One of these domains was just claimed by another company" });
    await recordAuditEvent(
      member,
      { action: "sso_settings_changed", detail: { ...audited, ssoRequired: input.ssoRequired, breakGlassEmail: input.breakGlassEmail, domains: input.domains } },
      tx,
    );
  });
}

/**
 * The columns of the chosen protocol (the other's cleared, so no unused secret stays behind) and what the audit log
 * says of them: never the secret, the certificate by its fingerprint.
 */
async function protocolSettings(tenant: Tenant, input: SsoConnectionInput) {
  if (input.protocol === "saml") {
    const { protocol, issuer, ssoUrl, signingCertificate, groupAttribute } = input;
    const saml = { protocol, issuer, ssoUrl, groupAttribute };
    return {
      protocol: { ...saml, signingCertificate, clientId: null, clientSecret: null },
      audited: { ...saml, certificate: fingerprintOf(signingCertificate) },
    };
  }
  const existing = await db.ssoConnection.findUnique({ where: tenant, select: { clientSecret: true } });
  if (!existing?.clientSecret && !input.clientSecret) throw new InputError({ clientSecret: "The client secret your provider gave this app" });
  const oidc = { protocol: input.protocol, issuer: input.issuer, clientId: input.clientId };
  return {
    protocol: { ...oidc, clientSecret: input.clientSecret ? sealSecret(input.clientSecret) : existing!.clientSecret, ssoUrl: null, signingCertificate: null, groupAttribute: null },
    audited: { ...oidc, secretChanged: Boolean(input.clientSecret) },
  };
}

export async function addGroupMapping(member: Member, input: GroupMappingInput) {
  const tenant = { organizationId: member.organizationId };
  const storeId = input.role === "store_manager" ? input.storeId : null;
  if (storeId) await assertStoresOfTenant(tenant, [storeId]);
  const existing = await db.ssoGroupMapping.findFirst({ where: { ...tenant, group: input.group } });
  if (existing) throw new InputError({ group: "This group is already mapped; remove it first" });
  await db.$transaction(async (tx) => {
    await tx.ssoGroupMapping.create({ data: { ...tenant, group: input.group, role: input.role, storeId } });
    await recordAuditEvent(member, { action: "sso_group_mapping_added", subject: input.group, detail: { role: input.role, storeId } }, tx);
  });
}

export async function removeGroupMapping(member: Member, mappingId: string) {
  await db.$transaction(async (tx) => {
    const mapping = await tx.ssoGroupMapping.findFirst({ where: { id: mappingId, organizationId: member.organizationId } });
    if (!mapping) throw new NotFoundError("Group mapping");
    await tx.ssoGroupMapping.deleteMany({ where: { id: mapping.id, organizationId: member.organizationId } });
    await recordAuditEvent(member, { action: "sso_group_mapping_removed", subject: mapping.group }, tx);
  });
}

/** The tenant that claims an address's domain and has a provider; null when no tenant does. */
export async function findSsoConnectionForEmail(email: string) {
  const claim = await db.ssoDomain.findUnique({ where: { domain: domainOf(email) }, select: { organizationId: true } });
  if (!claim) return null;
  return db.ssoConnection.findUnique({ where: { organizationId: claim.organizationId } });
}

/**
 * Where the sign-in form sends an address: its company's provider when its domain is claimed, else the email link.
 * The break-glass admin keeps the link, so they can get in when the provider is down.
 */
export async function ssoSignInPathFor(email: string): Promise<string | null> {
  const connection = await findSsoConnectionForEmail(email);
  if (!connection || connection.breakGlassEmail === email.toLowerCase()) return null;
  return `/signin/sso?${new URLSearchParams({ email })}`;
}

/** Email links refused: the address's tenant requires single sign-on and this is not its break-glass admin. */
export async function isMagicLinkRefused(email: string): Promise<boolean> {
  const connection = await findSsoConnectionForEmail(email);
  return Boolean(connection?.ssoRequired && connection.breakGlassEmail !== email.toLowerCase());
}
