import type { z } from "zod";
import { decodeCursor, encodeCursor } from "../analytics/schemas";
import type { Prisma } from "../db/client";
import { readReplica } from "../db/read-replica";
import { NotFoundError } from "../tenancy/tenant";
import { responseResource } from "../webhooks/payloads";
import type { ApiCaller } from "./api-keys";
import { badInput } from "./handler";
import type { responsesQuery } from "./schemas";

/**
 * GET /api/v1/responses: newest first, a page at a time; the cursor is the last response's time and id. From the
 * replica: responses come from customers' clicks, never from the caller, so a moment behind is never its own write.
 */
export async function listResponsesForApi(caller: ApiCaller, query: z.infer<typeof responsesQuery>) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) badInput(["query", "cursor"], "Not a cursor this API gave out");
  const store = query.storeCode
    ? await readReplica().store.findFirst({ where: { organizationId: caller.organizationId, code: query.storeCode }, select: { id: true } })
    : null;
  if (query.storeCode && !store) throw new NotFoundError("Store");
  // Like a store code, another tenant's (or an unknown) survey id is "not found", not an empty page.
  if (query.surveyId && !(await readReplica().survey.findFirst({ where: { organizationId: caller.organizationId, id: query.surveyId }, select: { id: true } }))) {
    throw new NotFoundError("Survey");
  }
  const where: Prisma.ResponseWhereInput = {
    organizationId: caller.organizationId,
    ...(store ? { storeId: store.id } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.surveyId ? { surveyId: query.surveyId } : {}),
    respondedAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) },
    ...(cursor
      ? { OR: [{ respondedAt: { lt: cursor.respondedAt } }, { respondedAt: cursor.respondedAt, id: { lt: cursor.id } }] }
      : {}),
  };
  const rows = await readReplica().response.findMany({ where, orderBy: [{ respondedAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(responseResource),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ respondedAt: last.respondedAt, id: last.id }) : null,
  };
}
