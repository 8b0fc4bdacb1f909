import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/campaigns/auto-refresh";
import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { countAudience } from "@/lib/campaigns/audience";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { previewCampaignEmails } from "@/lib/campaigns/preview";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { LOCALE_NAMES, isLocale } from "@/lib/i18n/locales";
import { listStores } from "@/lib/stores/stores";
import { listSurveys } from "@/lib/surveys/surveys";
import { startCampaignAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = [
  "name",
  "surveyId",
  "storeId",
  "segment",
  "attributeName",
  "attributeValue",
  "purchasedWithinDays",
  "reminderAfterDays",
] as const;

/**
 * A survey to a segment of contacts: choose the segment, see how many it reaches and the email in each language,
 * then start it; its sends' progress follows below.
 */
export default async function CampaignsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/campaigns"]);
  const params = await searchParams;
  const values = Object.fromEntries(FIELDS.map((field) => [field, [params[field]].flat()[0] ?? ""])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const [stores, surveys, campaigns, t, format] = await Promise.all([
    listStores(member),
    listSurveys(member),
    listCampaigns(member),
    getTranslations("campaignsPage"),
    getFormatter(),
  ]);
  const previewing = params.preview !== undefined;
  const parsed = previewing ? campaignInputSchema.safeParse(values) : null;
  const [count, previews] = parsed?.success
    ? await Promise.all([countAudience(member, parsed.data), previewCampaignEmails(member, parsed.data.surveyId)]).catch(
        notFoundOnForeignId,
      )
    : [null, []];
  const running = campaigns.some((c) => !c.finishedAt || c.progress.queued > 0);
  return (
    <>
      <h1>{t("title")}</h1>
      {running && <AutoRefresh />}
      <section className="card">
        <h2 className="card-title">{t("new")}</h2>
        <p className="muted">{t.rich("rules", { link: (chunks) => <a href="/settings/sending">{chunks}</a> })}</p>
        <form method="get" className="form wide">
          <input type="hidden" name="preview" value="1" />
          <div className="form-row">
            <Input name="name" label={t("name")} value={values.name} />
            <Select
              name="surveyId"
              label={t("survey")}
              value={values.surveyId}
              options={surveys.map((s) => ({ value: s.id, label: s.name }))}
            />
          </div>
          <div className="form-row">
            <Select
              name="storeId"
              label={t("store")}
              value={values.storeId}
              options={[{ value: "", label: t("anyStore") }, ...stores.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <Input name="segment" label={t("segment")} value={values.segment} placeholder={t("segmentPlaceholder")} />
            <Input name="attributeName" label={t("attribute")} value={values.attributeName} placeholder={t("attributePlaceholder")} />
            <Input name="attributeValue" label={t("equals")} value={values.attributeValue} />
            <Input
              name="purchasedWithinDays"
              label={t("boughtWithin")}
              value={values.purchasedWithinDays}
              type="number"
            />
            <Input
              name="reminderAfterDays"
              label={t("reminder")}
              value={values.reminderAfterDays}
              type="number"
            />
          </div>
          {parsed && !parsed.success && (
            <p className="field-error">{parsed.error.issues.map((issue) => issue.message).join(". ")}</p>
          )}
          <div className="form-actions">
            <button type="submit" className="button secondary">
              {t("preview")}
            </button>
          </div>
        </form>
        {count && parsed?.success && (
          <div data-testid="campaign-preview" style={{ marginTop: 16 }}>
            <p>
              {t.rich("audience", {
                total: count.total,
                mailable: count.mailable,
                count: (chunks) => <strong data-testid="audience-count">{chunks}</strong>,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <ActionForm action={startCampaignAction} submitLabel={t("start", { count: count.mailable })}>
              {FIELDS.map((field) => (
                <input key={field} type="hidden" name={field} value={values[field]} />
              ))}
            </ActionForm>
            <h3>{t("emails")}</h3>
            <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
              {previews.map((preview) => (
                <figure key={preview.locale} style={{ margin: 0 }}>
                  <figcaption>
                    <strong>{isLocale(preview.locale) ? LOCALE_NAMES[preview.locale] : preview.locale}</strong>: {preview.subject}
                  </figcaption>
                  <iframe
                    title={t("emailIn", { language: isLocale(preview.locale) ? LOCALE_NAMES[preview.locale] : preview.locale })}
                    srcDoc={preview.html}
                    sandbox=""
                    loading="eager"
                    style={{ width: "100%", height: 460, border: "1px solid #e5e7eb", borderRadius: 6 }}
                  />
                </figure>
              ))}
            </div>
          </div>
        )}
      </section>
      <TableCard
        title={t("campaigns")}
        testId="campaigns"
        columns={[
          t("campaign"),
          { label: t("contacts"), numeric: true },
          t("progress"),
          ...[t("sent"), t("waiting"), t("skipped"), t("failed")].map((label) => ({ label, numeric: true })),
        ]}
        empty={t("empty")}
        isEmpty={campaigns.length === 0}
      >
        {campaigns.map((campaign) => {
          const done = campaign.progress.sent + campaign.progress.refused + campaign.progress.failed;
          return (
            <tr key={campaign.id}>
              <td>
                {campaign.name}
                <div className="muted">
                  {format.dateTime(campaign.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {campaign.reminderAfterDays ? t("reminderAfter", { days: campaign.reminderAfterDays }) : ""}
                </div>
              </td>
              <td className="num">{campaign.audienceSize}</td>
              <td style={{ minWidth: 160 }}>
                <progress max={campaign.audienceSize || 1} value={done} style={{ width: "100%" }} />
                <div className="muted">
                  {campaign.finishedAt && campaign.progress.queued === 0 ? t("done") : t("of", { done, total: campaign.audienceSize })}
                </div>
              </td>
              <td className="num">{campaign.progress.sent}</td>
              <td className="num">{campaign.progress.queued}</td>
              <td className="num">{campaign.progress.refused}</td>
              <td className="num">{campaign.progress.failed}</td>
            </tr>
          );
        })}
      </TableCard>
    </>
  );
}

function Input({
  name,
  label,
  value,
  type = "text",
  placeholder,
}: {
  name: string;
  label: string;
  value: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type={type} defaultValue={value} placeholder={placeholder} />
    </div>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
