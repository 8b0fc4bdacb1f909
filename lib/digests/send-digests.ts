import { renderStoreDigestEmail } from "@/emails/store-digest-email";
import { db } from "../db/client";
import { env } from "../env";
import { resolveStaffLocale } from "../i18n/locales";
import { perLocale } from "../i18n/per-locale";
import { enqueue } from "../queue/enqueue";
import { sendMailOnce } from "../mail/send-once";
import type { Tenant } from "../tenancy/tenant";
import { lastCompleteWeek, weekFromKey, weekKey } from "./digest-week";
import { getStoreDigest } from "./store-digest";

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

/** Emails a store's managers their week, each in their own language; each manager gets each week's digest once. */
export async function sendStoreDigest(tenant: Tenant, storeId: string, weekStart: string, now = new Date()): Promise<{ sent: number }> {
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
  const printableUrl = `${env().APP_URL}/digest/${storeId}?week=${digest.thisWeek.weekKey}`;
  const mailIn = perLocale((locale) => renderStoreDigestEmail({ locale, digest, printableUrl }));
  let sent = 0;
  for (const { membership } of store.managers) {
    const key = `digest:${storeId}:${digest.thisWeek.weekKey}:${membership.user.id}`;
    const locale = resolveStaffLocale({ userLocale: membership.user.locale, acceptLanguage: null, tenantDefault: store.organization.staffLocale });
    const result = await sendMailOnce({ ...(await mailIn(locale)), to: membership.user.email, organizationId: tenant.organizationId, key, kind: "digest" }, now);
    if (result === "sent") sent += 1;
  }
  return { sent };
}
