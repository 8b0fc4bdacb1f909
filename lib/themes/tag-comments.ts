import { db, type Prisma } from "../db/client";
import type { Tenant } from "../tenancy/tenant";
import { themesInComment, type ThemeMatcher } from "./match-themes";
import { listThemes } from "./read-themes";

type Client = Prisma.TransactionClient | typeof db;
type CommentedResponse = { id: string; comment: string | null; locale: string };

/**
 * Tags a response with the themes its comment mentions, replacing earlier tags. Called in the transaction that
 * stores the comment, so a comment is never without its themes.
 */
export async function tagComment(client: Client, tenant: Tenant, response: CommentedResponse) {
  await client.responseTheme.deleteMany({ where: { responseId: response.id, organizationId: tenant.organizationId } });
  if (!response.comment) return [];
  const themeIds = themesInComment(response.comment, response.locale, await listThemes(tenant, client));
  await client.responseTheme.createMany({
    data: themeIds.map((themeId) => ({ responseId: response.id, themeId, organizationId: tenant.organizationId })),
  });
  return themeIds;
}

export const RETAG_BATCH_SIZE = 2_000;

export type RetagBatch = { checked: number; tagged: number; lastId: string | null };

/**
 * Tags the next batch of the tenant's comments (in id order, after `after`) again, with `themes`: their tags of
 * those themes are replaced. Run inside a transaction, so that a batch is tagged completely or not at all.
 */
export async function retagBatch(
  tx: Prisma.TransactionClient,
  tenant: Tenant,
  themes: ThemeMatcher[],
  options: { themeId?: string; after?: string | null } = {},
): Promise<RetagBatch> {
  const batch: CommentedResponse[] = await tx.response.findMany({
    where: { organizationId: tenant.organizationId, comment: { not: null }, ...(options.after ? { id: { gt: options.after } } : {}) },
    select: { id: true, comment: true, locale: true },
    orderBy: { id: "asc" },
    take: RETAG_BATCH_SIZE,
  });
  if (batch.length === 0) return { checked: 0, tagged: 0, lastId: null };
  const rows = batch.flatMap((response) =>
    themesInComment(response.comment ?? "", response.locale, themes).map((themeId) => ({
      responseId: response.id,
      themeId,
      organizationId: tenant.organizationId,
    })),
  );
  await tx.responseTheme.deleteMany({
    where: {
      organizationId: tenant.organizationId,
      responseId: { in: batch.map((response) => response.id) },
      ...(options.themeId ? { themeId: options.themeId } : {}),
    },
  });
  await tx.responseTheme.createMany({ data: rows });
  return { checked: batch.length, tagged: rows.length, lastId: batch[batch.length - 1].id };
}

/**
 * Tags every comment of the tenant again (all themes, or only `themeId`), a batch per transaction, in constant
 * memory: for comments written in bulk by the seeds. After a tenant edits a theme, the worker does this instead
 * (lib/themes/retag.ts), with progress for the themes page.
 */
export async function retagComments(tenant: Tenant, options: { themeId?: string } = {}): Promise<number> {
  const themes = (await listThemes(tenant)).filter((theme) => !options.themeId || theme.id === options.themeId);
  let after: string | null = null;
  let tagged = 0;
  for (;;) {
    const batch: RetagBatch = await db.$transaction((tx) => retagBatch(tx, tenant, themes, { ...options, after }));
    if (batch.lastId === null) return tagged;
    after = batch.lastId;
    tagged += batch.tagged;
  }
}
