import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DigestEmailPreview } from "@/components/digests/digest-email-preview";
import { StoreDigestView } from "@/components/digests/store-digest-view";
import { ActionForm } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { lastCompleteWeek, weekFromKey, weekKey, weeksBefore } from "@/lib/digests/digest-week";
import { digestWeekSchema } from "@/lib/digests/schemas";
import { storeDigestEmail } from "@/lib/digests/send-digests";
import { getStoreDigest } from "@/lib/digests/store-digest";
import type { Locale } from "@/lib/i18n/locales";
import { hasRole } from "@/lib/members/members";
import { getStore } from "@/lib/stores/stores";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { tenantOf } from "@/lib/tenancy/tenant";
import { sendDigestNowAction } from "../actions";

type Props = { params: Promise<{ storeId: string }>; searchParams: Promise<{ week?: string }> };

/** The weekly digest as a printable page; ?week=YYYY-MM-DD picks the week (default: the last complete one). */
export default async function StoreDigestPage({ params, searchParams }: Props) {
  const member = await requireMember(ACCESS["/digest/[storeId]"]);
  const { storeId } = await params;
  const store = await getStore(member, storeId).catch(notFoundOnForeignId);
  const query = digestWeekSchema.safeParse(await searchParams);
  const week = query.success && query.data.week ? weekFromKey(query.data.week, store.timeZone) : lastCompleteWeek(new Date(), store.timeZone);
  // getStore checked the store against the member's stores.
  const digest = await getStoreDigest(tenantOf(member), store.id, week);
  if (!digest) notFound();
  const earlier = weeksBefore(week, 1, store.timeZone)[0]!;
  const t = await getTranslations("digest");
  const preview = await getTranslations("digestPreview");
  return (
    <>
      <p className="no-print">
        <a href="/digest">{t("back")}</a> · <a href={`/digest/${store.id}?week=${weekKey(earlier, store.timeZone)}`}>{t("weekBefore")}</a>
        {!query.success && <span className="field-error"> {t("badWeek", { error: query.error.issues[0]!.message })}</span>}
      </p>
      <StoreDigestView digest={digest} />
      {hasRole(member, "cx_manager") && (
        <DigestEmailPreview email={await storeDigestEmail(digest, (await getLocale()) as Locale)}>
          <ActionForm action={sendDigestNowAction.bind(null, store.id)} submitLabel={preview("sendNow")}>
            <input type="hidden" name="week" value={digest.thisWeek.weekKey} />
          </ActionForm>
        </DigestEmailPreview>
      )}
    </>
  );
}
