import { z } from "zod";
import { ROLES } from "../members/schemas";
import { samlSigningCertificate } from "./signing-certificate";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "example.com, shop.example.com" (commas, spaces or lines) to a list of lower-case domains. */
const domains = z.preprocess(
  (value) => [...new Set(String(value ?? "").toLowerCase().split(/[\s,;]+/).map((d) => d.replace(/^@/, "")).filter(Boolean))],
  z
    .array(z.string().regex(DOMAIN, "Each domain like example.com, without @ or https://"))
    .min(1, "Claim at least one email domain")
    .max(50, "At most 50 domains"),
);

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const settingsOfEveryProtocol = {
  domains,
  ssoRequired: checkbox,
  breakGlassEmail: z
    .union([z.literal(""), z.email("Enter a valid email address").trim().toLowerCase().max(254)])
    .optional()
    .transform((v) => v || null),
};

const oidcConnectionInput = z.object({
  protocol: z.literal("oidc"),
  issuer: z.url({ protocol: /^https?$/, error: "The issuer URL, e.g. https://login.example.com/realms/staff" }).trim().max(500),
  clientId: z.string().trim().min(1, "The client id your provider gave this app").max(500),
  // Blank on a change keeps the stored secret: it is never shown again, so the form cannot fill it in.
  clientSecret: z.string().trim().max(2000).optional().transform((v) => v || null),
  ...settingsOfEveryProtocol,
});

const samlConnectionInput = z.object({
  protocol: z.literal("saml"),
  issuer: z.string().trim().min(1, "The entity id (Issuer) your provider shows for this app").max(500),
  ssoUrl: z.url({ protocol: /^https?$/, error: "Your provider's single sign-on URL, e.g. https://login.example.com/app/sso/saml" }).trim().max(2000),
  signingCertificate: samlSigningCertificate,
  groupAttribute: z.string().trim().min(1, "The name of the attribute that carries the person's groups, e.g. groups").max(256),
  ...settingsOfEveryProtocol,
});

export const ssoConnectionInputSchema = z
  .discriminatedUnion("protocol", [oidcConnectionInput, samlConnectionInput], "Choose OpenID Connect or SAML")
  .refine((input) => !input.ssoRequired || input.breakGlassEmail, {
    message: "Name a break-glass admin who may still sign in by email link when the provider is down",
    path: ["breakGlassEmail"],
  });

export type SsoConnectionInput = z.infer<typeof ssoConnectionInputSchema>;

export const groupMappingInputSchema = z
  .object({
    group: z.string().trim().min(1, "The group's name as your provider sends it").max(256),
    role: z.enum(ROLES, "Choose a role"),
    storeId: z.string().optional().transform((v) => v || null),
  })
  .refine((input) => input.role !== "store_manager" || input.storeId, { message: "A store manager group needs a store", path: ["storeId"] });

export type GroupMappingInput = z.infer<typeof groupMappingInputSchema>;

export const scimTokenInputSchema = z.object({ name: z.string().trim().min(1, "Name the provisioning client").max(100) });

export const signInEmailSchema = z.email().trim().toLowerCase().max(254);
