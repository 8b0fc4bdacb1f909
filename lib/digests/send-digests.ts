import { renderStoreDigestEmail } from "@/emails/store-digest-email";
import { recordAuditEvent } from "../audit/audit-events";
import { db } from "../db/client";
import { env } from "../env";
import { type Locale, resolveStaffLocale } from "../i18n/locales";
import { perLocale } from "../i18n/per-locale";
import { enqueue } from "../queue/enqueue";
import { sendMailOnce } from "../mail/send-once";
import { getStore } from "../stores/stores";
import type { Tenant, TenantWideMember } from "../tenancy/tenant";
import { lastCompleteWeek, weekFromKey, weekKey } from "./digest-week";
import { getStoreDigest, type StoreDigest } from "./store-digest";

/** Monday morning: one digest job per store that has managers, for the week that just ended in its time zone. */
export async function enqueueWeeklyDigests(now = new Date()): Promise<number> {
  const stores = await db.store.findMany({
    where: { managers: { some: {} } },
    select: { id: true, organizationId: true, timeZone: true },
  });
  await db.$transaction(async (tx) => {
    for (const store of stores) {
      const week = weekKey(lastCompleteWeek(now, store.timeZone), store.timeZone);
      await enqueue(tx, "storeDigest", { organizationId: store.organizationId, storeId: store.id, weekStart: week }, { singletonKey: `digest:${store.id}:${week}` });
    }
  });
  return stores.length;
}

/** The digest email as a store's managers get it in one language: sent on Mondays, previewed on the digest page. */
export function storeDigestEmail(digest: StoreDigest, locale: Locale) {
  return renderStoreDigestEmail({ locale, digest, printableUrl: `${env().APP_URL}/digest/${digest.store.id}?week=${digest.thisWeek.weekKey}` });
}

/**
 * Emails a store's managers their week, each in their own language; each manager gets each week's digest once per
 * `occasion` (Monday's job, or one "send now" click: a double click within the minute sends once).
 */
export async function sendStoreDigest(tenant: Tenant, storeId: string, weekStart: string, now = new Date(), occasion = "weekly"): Promise<{ sent: number }> {
  const store = await db.store.findFirst({
    where: { id: storeId, organizationId: tenant.organizationId },
    select: {
      timeZone: true,
      organization: { select: { staffLocale: true } },
      managers: { select: { membership: { select: { user: { select: { id: true, email: true, locale: true } } } } } },
    },
  });
  if (!store) return { sent: 0 };
  const week = weekFromKey(weekStart, store.timeZone);
  const digest = await getStoreDigest(tenant, storeId, week, now);
  if (!digest) return { sent: 0 };
  const mailIn = perLocale((locale) => storeDigestEmail(digest, locale));
  let sent = 0;
  for (const { membership } of store.managers) {
    const key = `digest:${storeId}:${digest.thisWeek.weekKey}:${membership.user.id}${occasion === "weekly" ? "" : `:${occasion}`}`;
    const locale = resolveStaffLocale({ userLocale: membership.user.locale, acceptLanguage: null, tenantDefault: store.organization.staffLocale });
    const result = await sendMailOnce({ ...(await mailIn(locale)), to: membership.user.email, organizationId: tenant.organizationId, key, kind: "digest" }, now);
    if (result === "sent") sent += 1;
  }
  return { sent };
}

/** A CX manager's "send now": the week shown goes to the store's managers at once, whatever Monday's job sent. */
export async function sendDigestNow(member: TenantWideMember, storeId: string, weekStart: string, now = new Date()) {
  const store = await getStore(member, storeId);
  const { sent } = await sendStoreDigest(member, store.id, weekStart, now, `now:${now.toISOString().slice(0, 16)}`);
  await recordAuditEvent(member, { action: "digest_sent_now", subject: store.id, detail: { week: weekStart, recipients: sent } });
  return { sent };
}
