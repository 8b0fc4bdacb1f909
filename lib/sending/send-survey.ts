import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { InputError } from "../forms/input-error";
import { deliverSend } from "./deliver-send";
import { requestSurveySend } from "./request-survey-send";
import { assertStoresOfTenant } from "../stores/stores";
import type { Tenant } from "../tenancy/tenant";
import type { SurveySendInput } from "./schemas";

/**
 * The staff form's "send a survey": through the sending rules and the send queue like the API and campaigns.
 * A send the rules refuse (throttled, suppressed) is recorded and reported as a field error. A queued send that is
 * due is delivered right away, because a person is waiting for it; the claim makes this safe beside the worker,
 * which then finds nothing left to do.
 */
export async function sendSurvey(tenant: Tenant, input: SurveySendInput) {
  if (input.storeId) await assertStoresOfTenant(tenant, [input.storeId]);
  const { send } = await requestSurveySend(tenant, {
    contact: { email: input.email, name: input.name ?? undefined, phone: input.phone ?? undefined, locale: input.locale },
    storeId: input.storeId,
    surveyId: input.surveyId,
  });
  if (send.status !== "queued") throw new InputError({ email: `Not sent: ${send.statusReason}` });
  if (!send.sendAfter) await deliverSend(tenant, send.id);
  // The send, not the address, is the subject: the log outlives the contact's erasure.
  await recordAuditEvent(tenant, { action: "survey_sent_by_hand", subject: send.id, detail: { surveyId: input.surveyId ?? null, storeId: input.storeId ?? null } });
  return db.surveySend.findFirstOrThrow({ where: { id: send.id, organizationId: tenant.organizationId } });
}

/** Surveys that went out in a date range (queued, refused and failed sends are no surveys sent). */
export async function countSends(tenant: Tenant, range: { from: Date; to: Date }, storeIds: string[] | null) {
  return db.surveySend.count({
    where: {
      organizationId: tenant.organizationId,
      status: "sent",
      sentAt: { gte: range.from, lt: range.to },
      ...(storeIds === null ? {} : { storeId: { in: storeIds } }),
    },
  });
}
