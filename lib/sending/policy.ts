import { changesOf, recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import type { Tenant } from "../tenancy/tenant";
import { DEFAULT_POLICY, type SendingPolicy } from "./rules";
import type { SendingPolicyInput } from "./schemas";

/** The tenant's sending rules; the defaults (30-day throttle, no quiet hours) until an admin changes them. */
export async function getSendingPolicy(tenant: Tenant): Promise<SendingPolicy> {
  const row = await db.sendingPolicy.findUnique({ where: { organizationId: tenant.organizationId } });
  return row ?? DEFAULT_POLICY;
}

export async function saveSendingPolicy(tenant: Tenant, input: SendingPolicyInput) {
  return db.$transaction(async (tx) => {
    const before = (await tx.sendingPolicy.findUnique({ where: { organizationId: tenant.organizationId } })) ?? DEFAULT_POLICY;
    const policy = await tx.sendingPolicy.upsert({
      where: { organizationId: tenant.organizationId },
      create: { organizationId: tenant.organizationId, ...input },
      update: input,
    });
    await recordAuditEvent(tenant, { action: "sending_policy_changed", detail: changesOf(before, input) }, tx);
    return policy;
  });
}
