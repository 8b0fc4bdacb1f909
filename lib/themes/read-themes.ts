import { db, type Prisma } from "../db/client";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { storedKeywordsSchema } from "./schemas";

type Client = Prisma.TransactionClient | typeof db;

/** The tenant's themes with their keywords per language (a tenant starts with the defaults, lib/themes/edit-themes.ts). */
export async function listThemes(tenant: Tenant, client: Client = db) {
  const themes = await client.theme.findMany({ where: { organizationId: tenant.organizationId }, orderBy: { name: "asc" } });
  return themes.map((theme) => ({ ...theme, keywords: storedKeywordsSchema.parse(theme.keywords) }));
}

export type ThemeWithKeywords = Awaited<ReturnType<typeof listThemes>>[number];

export async function getTheme(tenant: Tenant, themeId: string) {
  const theme = await db.theme.findFirst({ where: { id: themeId, organizationId: tenant.organizationId } });
  if (!theme) throw new NotFoundError("Theme");
  return { ...theme, keywords: storedKeywordsSchema.parse(theme.keywords) };
}
