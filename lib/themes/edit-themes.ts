import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db, type Prisma } from "../db/client";
import { InputError, isUniqueViolation } from "../forms/input-error";
import type { Tenant } from "../tenancy/tenant";
import { DEFAULT_THEMES } from "./default-themes";
import { getTheme } from "./read-themes";
import { keywordsOf, type ThemeInput } from "./schemas";
import { requestRetag } from "./retag";

/** The default themes of a new tenant, in the transaction that creates it. */
export async function createDefaultThemes(tx: Prisma.TransactionClient, tenant: Tenant) {
  await tx.theme.createMany({
    data: DEFAULT_THEMES.map((theme) => ({ organizationId: tenant.organizationId, name: theme.name, keywords: theme.keywords })),
    skipDuplicates: true,
  });
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
      await recordAuditEvent(tenant, { action: "theme_created", subject: theme.id, detail: { name: theme.name, keywords: theme.keywords } }, tx);
      return theme;
    }),
  );
}

/** New keywords apply to past comments too: the worker tags every comment of the tenant again for this theme. */
export async function updateTheme(tenant: Tenant, themeId: string, input: ThemeInput, now = new Date()) {
  const before = await getTheme(tenant, themeId);
  return saveUniqueName(() =>
    db.$transaction(async (tx) => {
      const after = { name: input.name, keywords: keywordsOf(input) };
      const theme = await tx.theme.update({ where: { id: themeId, organizationId: tenant.organizationId }, data: after });
      await requestRetag(tx, tenant, themeId, now);
      await recordAuditEvent(tenant, { action: "theme_changed", subject: themeId, detail: { name: theme.name, ...changesOf(before, after) } }, tx);
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
