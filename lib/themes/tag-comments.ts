import { db, type Prisma } from "../db";
import type { Tenant } from "../tenancy/tenant";
import { themesInComment } from "./match-themes";
import { listThemes } from "./themes";

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

const BATCH_SIZE = 2_000;

/**
 * Tags every comment of the tenant again (all themes, or only `themeId`): after a theme's keywords change, and for
 * comments written in bulk by the seeds. Walks the comments in id order, a batch at a time, in constant memory.
 */
export async function retagComments(tenant: Tenant, options: { themeId?: string } = {}): Promise<number> {
  const themes = (await listThemes(tenant)).filter((theme) => !options.themeId || theme.id === options.themeId);
  let after: string | undefined;
  let tagged = 0;
  for (;;) {
    const batch: CommentedResponse[] = await db.response.findMany({
      where: { organizationId: tenant.organizationId, comment: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, comment: true, locale: true },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
    });
    if (batch.length === 0) return tagged;
    after = batch[batch.length - 1].id;
    const rows = batch.flatMap((response) =>
      themesInComment(response.comment ?? "", response.locale, themes).map((themeId) => ({
        responseId: response.id,
        themeId,
        organizationId: tenant.organizationId,
      })),
    );
    await db.$transaction([
      db.responseTheme.deleteMany({
        where: {
          organizationId: tenant.organizationId,
          responseId: { in: batch.map((response) => response.id) },
          ...(options.themeId ? { themeId: options.themeId } : {}),
        },
      }),
      db.responseTheme.createMany({ data: rows }),
    ]);
    tagged += rows.length;
  }
}
