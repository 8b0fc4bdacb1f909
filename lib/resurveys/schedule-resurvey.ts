import type { Prisma } from "../db/client";
import type { ExperimentGroup } from "../generated/prisma/enums";
import { enqueue } from "../queue/enqueue";

/**
 * Plans the re-survey of a response's contact at `dueAt` (once per response) and queues its job for that time,
 * in the caller's transaction.
 */
export async function scheduleResurvey(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; responseId: string; group: ExperimentGroup; dueAt: Date },
) {
  const existing = await tx.resurvey.findUnique({ where: { responseId: input.responseId } });
  if (existing) return existing;
  const resurvey = await tx.resurvey.create({ data: input });
  await enqueue(tx, "resurvey", { organizationId: input.organizationId, resurveyId: resurvey.id }, { startAfter: input.dueAt });
  return resurvey;
}
