import { db, type Prisma } from "../db";
import { InputError, isUniqueViolation } from "../forms/input-error";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { DEFAULT_THEMES } from "./default-themes";
import { keywordsOf, storedKeywordsSchema, type ThemeInput } from "./schemas";
import { retagComments } from "./tag-comments";

type Client = Prisma.TransactionClient | typeof db;

/**
 * The tenant's themes with their keywords per language. A tenant starts with the default themes, created on first
 * use, so tenants created before themes existed get them too.
 */
export async function listThemes(tenant: Tenant, client: Client = db) {
  const where = { organizationId: tenant.organizationId };
  let themes = await client.theme.findMany({ where, orderBy: { name: "asc" } });
  if (themes.length === 0) {
    await client.theme.createMany({
      data: DEFAULT_THEMES.map((theme) => ({ ...where, name: theme.name, keywords: theme.keywords })),
      skipDuplicates: true,
    });
    themes = await client.theme.findMany({ where, orderBy: { name: "asc" } });
  }
  return themes.map((theme) => ({ ...theme, keywords: storedKeywordsSchema.parse(theme.keywords) }));
}

export type ThemeWithKeywords = Awaited<ReturnType<typeof listThemes>>[number];

export async function getTheme(tenant: Tenant, themeId: string) {
  const theme = await db.theme.findFirst({ where: { id: themeId, organizationId: tenant.organizationId } });
  if (!theme) throw new NotFoundError("Theme");
  return { ...theme, keywords: storedKeywordsSchema.parse(theme.keywords) };
}

/** A new theme; past comments are tagged with it at once, so its counts cover the whole history. */
export async function createTheme(tenant: Tenant, input: ThemeInput) {
  const theme = await saveUniqueName(() =>
    db.theme.create({ data: { organizationId: tenant.organizationId, name: input.name, keywords: keywordsOf(input) } }),
  );
  await retagComments(tenant, { themeId: theme.id });
  return theme;
}

/** New keywords apply to past comments too: the theme's tags are recomputed for every comment of the tenant. */
export async function updateTheme(tenant: Tenant, themeId: string, input: ThemeInput) {
  await getTheme(tenant, themeId);
  const theme = await saveUniqueName(() =>
    db.theme.update({
      where: { id: themeId, organizationId: tenant.organizationId },
      data: { name: input.name, keywords: keywordsOf(input) },
    }),
  );
  await retagComments(tenant, { themeId });
  return theme;
}

async function saveUniqueName<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ name: "Another theme has this name" });
    throw error;
  }
}
