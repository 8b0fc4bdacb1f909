import { db } from "@/lib/db/client";
import { recordScore } from "@/lib/responses/record-score";
import type { Tenant } from "@/lib/tenancy/tenant";
import { sendTestSurvey } from "@/tests/support/factories";

/**
 * A customer who was sent the survey (for a store, or online when storeId is null) and clicked a score.
 * With `at`, the send and the click both happened then, so date ranges and due times are predictable.
 */
export async function respond(tenant: Tenant, score: number, options: { storeId?: string | null; at?: Date } = {}) {
  const send = await sendTestSurvey(tenant, { storeId: options.storeId });
  if (options.at) await db.surveySend.update({ where: { id: send.id }, data: { sentAt: options.at } });
  const response = await recordScore(send.token, score, options.at);
  const followUp = await db.followUp.findUnique({ where: { responseId: response.id } });
  return { send, response, followUp };
}

/** A detractor's follow-up; fails the test when the response opened none. */
export async function detractorFollowUp(tenant: Tenant, options: { storeId?: string | null; at?: Date } = {}) {
  const { followUp } = await respond(tenant, 2, options);
  if (!followUp) throw new Error("A detractor response should have opened a follow-up");
  return followUp;
}

export function hoursFrom(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}
