import { db, type Prisma } from "../db";
import { InputError, isUniqueViolation } from "../forms/input-error";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { DEFAULT_THEMES } from "./default-themes";
import { keywordsOf, storedKeywordsSchema, type ThemeInput } from "./schemas";
import { requestRetag } from "./retag";

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

/**
 * A new theme. Comments arriving from now on are tagged with it at once; past comments are tagged by the worker
 * (lib/themes/retag.ts), queued in the same transaction, so that its counts come to cover the whole history.
 */
export async function createTheme(tenant: Tenant, input: ThemeInput, now = new Date()) {
  return saveUniqueName(() =>
    db.$transaction(async (tx) => {
      const theme = await tx.theme.create({ data: { organizationId: tenant.organizationId, name: input.name, keywords: keywordsOf(input) } });
      await requestRetag(tx, tenant, theme.id, now);
      return theme;
    }),
  );
}

/** New keywords apply to past comments too: the worker tags every comment of the tenant again for this theme. */
export async function updateTheme(tenant: Tenant, themeId: string, input: ThemeInput, now = new Date()) {
  await getTheme(tenant, themeId);
  return saveUniqueName(() =>
    db.$transaction(async (tx) => {
      const theme = await tx.theme.update({
        where: { id: themeId, organizationId: tenant.organizationId },
        data: { name: input.name, keywords: keywordsOf(input) },
      });
      await requestRetag(tx, tenant, themeId, now);
      return theme;
    }),
  );
}

async function saveUniqueName<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ name: "Another theme has this name" });
    throw error;
  }
}
