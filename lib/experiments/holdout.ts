import { randomInt } from "node:crypto";
import type { Prisma } from "../db/client";
import type { ExperimentGroup } from "../generated/prisma/enums";

/** A uniform draw in [0, 1) from the OS's cryptographic generator: nobody can predict or steer the split. */
export function secureRandom(): number {
  return randomInt(0, 1_000_000) / 1_000_000;
}

/** The holdout gets `holdoutPercent` percent of the draws; 0 turns the experiment off. */
export function drawGroup(holdoutPercent: number, random: () => number = secureRandom): ExperimentGroup {
  return random() * 100 < holdoutPercent ? "holdout" : "contacted";
}

/**
 * The detractor's group in the holdout experiment: drawn once, the first time the response is a detractor, and
 * returned unchanged ever after (a changed score or share never re-draws it). Runs under the response's row lock.
 */
export async function assignToExperiment(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; responseId: string; holdoutPercent: number; now: Date; drawnBefore?: boolean },
) {
  // A response created in this transaction has no draw yet: one round trip fewer for most clicks.
  if (input.drawnBefore !== false) {
    const existing = await tx.holdoutAssignment.findUnique({ where: { responseId: input.responseId } });
    if (existing) return existing;
  }
  return tx.holdoutAssignment.create({
    data: {
      organizationId: input.organizationId,
      responseId: input.responseId,
      group: drawGroup(input.holdoutPercent),
      holdoutPercent: input.holdoutPercent,
      assignedAt: input.now,
    },
  });
}
