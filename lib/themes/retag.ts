import { db, type Prisma } from "../db/client";
import { enqueue } from "../queue/enqueue";
import { NotFoundError, type Tenant } from "../tenancy/tenant";
import { retagBatch } from "./tag-comments";
import { listThemes } from "./read-themes";

// Tagging past comments again after a tenant edits a theme's keywords (or adds a theme) is a job for the worker:
// at a million comments it takes a minute, far too long for the request. The edit raises the theme's ThemeRetag
// version and queues a job for it in the same transaction; the job tags the comments a batch per transaction
// and records how far it got (cursor, done of total) for the themes page.
//
// Every batch first locks the ThemeRetag row and checks the version, so a job for an edit that a newer one
// replaced stops at its next batch, and two runs of one job (a retry while the first still runs) share the work
// instead of doing it twice: each batch starts where the last committed one ended.

export type RetagStatus = Awaited<ReturnType<typeof listRetagStatus>>[number];

/** Queues tagging the theme's past comments again; pass the transaction that changed the theme. */
export async function requestRetag(tx: Prisma.TransactionClient, tenant: Tenant, themeId: string, now = new Date()) {
  // The upsert finds the ThemeRetag by themeId alone: another tenant's theme would get a re-tag of this tenant's.
  const theme = await tx.theme.findFirst({ where: { id: themeId, organizationId: tenant.organizationId }, select: { id: true } });
  if (!theme) throw new NotFoundError("Theme");
  const fresh = { state: "queued" as const, done: 0, total: null, cursor: null, error: null, requestedAt: now, startedAt: null, finishedAt: null };
  const retag = await tx.themeRetag.upsert({
    where: { themeId },
    create: { themeId, organizationId: tenant.organizationId, version: 1, ...fresh },
    update: { version: { increment: 1 }, ...fresh },
  });
  await enqueue(tx, "themeRetag", { organizationId: tenant.organizationId, themeId, version: retag.version });
  return retag;
}

type Outcome = "done" | "superseded";

/** The job: tags every comment of the tenant again for one theme, unless a newer edit replaced this one. */
export async function runThemeRetag(tenant: Tenant, themeId: string, version: number, now = () => new Date()): Promise<Outcome> {
  const current = { themeId, organizationId: tenant.organizationId, version };
  const total = await db.response.count({ where: { organizationId: tenant.organizationId, comment: { not: null } } });
  const started = await db.themeRetag.updateMany({
    where: { ...current, state: { in: ["queued", "running", "failed"] } },
    data: { state: "running", total, error: null, startedAt: now() },
  });
  if (started.count === 0) return (await db.themeRetag.count({ where: { ...current, state: "done" } })) ? "done" : "superseded";
  const theme = (await listThemes(tenant)).find((candidate) => candidate.id === themeId);
  if (!theme) return "superseded";
  try {
    for (;;) {
      const step = await db.$transaction(
        async (tx) => {
          const [retag] = await tx.$queryRaw<{ version: number; state: string; cursor: string | null; done: number }[]>`
            SELECT "version", "state"::text AS state, "cursor", "done" FROM "ThemeRetag"
             WHERE "themeId" = ${themeId} AND "organizationId" = ${tenant.organizationId} FOR UPDATE`;
          if (!retag || retag.version !== version) return "superseded" as const;
          if (retag.state === "done") return "done" as const;
          const batch = await retagBatch(tx, tenant, [theme], { themeId, after: retag.cursor });
          await tx.themeRetag.update({
            where: { themeId, organizationId: tenant.organizationId },
            data:
              batch.lastId === null
                ? { state: "done", finishedAt: now(), total: retag.done }
                : { state: "running", cursor: batch.lastId, done: retag.done + batch.checked },
          });
          return batch.lastId === null ? ("done" as const) : ("more" as const);
        },
        { timeout: 60_000 },
      );
      if (step !== "more") return step;
    }
  } catch (error) {
    await db.themeRetag.updateMany({ where: current, data: { state: "failed", error: (error as Error).message.slice(0, 500) } });
    throw error;
  }
}

/** Where re-tagging stands for each of the tenant's themes that was ever edited, for the themes page. */
export async function listRetagStatus(tenant: Tenant) {
  const rows = await db.themeRetag.findMany({ where: { organizationId: tenant.organizationId } });
  return rows.map((row) => ({
    themeId: row.themeId,
    state: row.state,
    done: row.done,
    total: row.total,
    /** 0–1 while running; null before the job has counted the comments. */
    progress: row.state === "done" ? 1 : row.total ? Math.min(1, row.done / row.total) : null,
    error: row.error,
    requestedAt: row.requestedAt,
    finishedAt: row.finishedAt,
  }));
}
