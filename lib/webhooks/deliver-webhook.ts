import { renderWebhookDisabledEmail } from "@/emails/webhook-disabled-email";
import { addSeconds, subHours } from "date-fns";
import { db } from "../db/client";
import { env } from "../env";
import { resolveStaffLocale } from "../i18n/locales";
import { perLocale } from "../i18n/per-locale";
import { enqueue } from "../queue/enqueue";
import { sendMail } from "../mail/send-mail";
import type { Tenant } from "../tenancy/tenant";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

// An endpoint failing for this long is switched off and its tenant's admins are told.
const DISABLE_AFTER_HOURS = 24;
const TIMEOUT_MS = 10_000;
// Retries 30 s, 1 min, 2 min … capped at an hour apart: about 30 attempts until the endpoint is switched off.
const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 3600;

export type WebhookResult = "delivered" | "retrying" | "failed" | "skipped";

/** The delivery job: POSTs one event, signed, and keeps the log (status, attempts, last error) up to date. */
export async function deliverWebhook(tenant: Tenant, deliveryId: string, now = new Date()): Promise<WebhookResult> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, organizationId: tenant.organizationId },
    include: { endpoint: true },
  });
  if (!delivery || delivery.status !== "pending") return "skipped";
  const { endpoint } = delivery;
  const scopedDelivery = { id: delivery.id, organizationId: tenant.organizationId };
  const scopedEndpoint = { id: endpoint.id, organizationId: tenant.organizationId };
  if (endpoint.disabledAt) {
    await db.webhookDelivery.update({ where: scopedDelivery, data: { status: "failed", lastError: "The endpoint is switched off" } });
    return "failed";
  }
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const outcome = await post(endpoint.url, body, {
    [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, body, now),
    "NPS-Delivery": delivery.id,
    "NPS-Event": delivery.event,
  });
  const attempts = delivery.attempts + 1;
  if (outcome.ok) {
    await db.$transaction([
      db.webhookDelivery.update({
        where: scopedDelivery,
        data: { status: "delivered", attempts, lastStatusCode: outcome.status, lastError: null, deliveredAt: now, nextAttemptAt: null },
      }),
      db.webhookEndpoint.update({ where: scopedEndpoint, data: { failingSince: null } }),
    ]);
    return "delivered";
  }
  const failingSince = endpoint.failingSince ?? now;
  if (failingSince <= subHours(now, DISABLE_AFTER_HOURS)) {
    await db.webhookDelivery.update({
      where: scopedDelivery,
      data: { status: "failed", attempts, lastStatusCode: outcome.status, lastError: outcome.error, nextAttemptAt: null },
    });
    await disableEndpoint(tenant, endpoint, failingSince, outcome.error, now);
    return "failed";
  }
  const nextAttemptAt = addSeconds(now, Math.min(FIRST_RETRY_SECONDS * 2 ** delivery.attempts, MAX_RETRY_SECONDS));
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: scopedDelivery,
      data: { attempts, lastStatusCode: outcome.status, lastError: outcome.error, nextAttemptAt },
    });
    await tx.webhookEndpoint.updateMany({ where: { ...scopedEndpoint, failingSince: null }, data: { failingSince: now } });
    await enqueue(tx, "webhookDelivery", { organizationId: tenant.organizationId, deliveryId: delivery.id }, { startAfter: nextAttemptAt });
  });
  return "retrying";
}

async function post(url: string, body: string, headers: Record<string, string>) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "NPS-Loop-Webhooks/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: `${(error as Error).message}${cause ? ` (${cause})` : ""}`.slice(0, 500) };
  }
}

async function disableEndpoint(tenant: Tenant, endpoint: { id: string; url: string }, failingSince: Date, lastError: string | null, now: Date) {
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpoint.id, organizationId: tenant.organizationId, disabledAt: null },
    data: { disabledAt: now, disabledReason: `Failing since ${failingSince.toISOString()}: ${lastError ?? "no answer"}` },
  });
  if (count === 0) return;
  const admins = await db.membership.findMany({
    where: { organizationId: tenant.organizationId, role: "admin" },
    select: { user: { select: { email: true, locale: true } }, organization: { select: { staffLocale: true } } },
  });
  const mailIn = perLocale((locale) => renderWebhookDisabledEmail({
    locale,
    endpointUrl: endpoint.url,
    failingSince: failingSince.toISOString().replace("T", " ").slice(0, 16) + " UTC",
    lastError: lastError ?? "no answer",
    url: `${env().APP_URL}/integrations/webhooks`,
  }));
  for (const admin of admins) {
    const locale = resolveStaffLocale({ userLocale: admin.user.locale, acceptLanguage: null, tenantDefault: admin.organization.staffLocale });
    await sendMail({ ...(await mailIn(locale)), to: admin.user.email, organizationId: tenant.organizationId, kind: "webhook-disabled" });
  }
}
