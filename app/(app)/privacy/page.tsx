import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organizations/organizations";
import { previewRetention, RETENTION_RUNS } from "@/lib/privacy/retention";
import { RetentionPreview, RetentionRules } from "@/components/privacy/retention-rules";
import { applyRetentionAction, saveRetentionAction } from "./actions";

export default async function PrivacyPage() {
  const member = await requireMember(ACCESS["/privacy"]);
  const [organization, t] = await Promise.all([getOrganization(member), getTranslations("privacyPage")]);
  const preview = organization.retentionMonths ? await previewRetention(member, organization.retentionMonths) : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="grid two">
        <section className="card" data-testid="retention">
          <h2 style={{ marginTop: 0 }}>{t("retention")}</h2>
          <RetentionRules runs={RETENTION_RUNS} />
          {preview && <RetentionPreview months={organization.retentionMonths!} {...preview} />}
          <ActionForm action={saveRetentionAction} submitLabel={t("saveRetention")}>
            <Field name="retentionMonths" label={t("keepFor")} type="number" defaultValue={organization.retentionMonths ?? ""} />
          </ActionForm>
          {organization.retentionMonths && <ActionForm action={applyRetentionAction} submitLabel={t("applyNow")} />}
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("contactData")}</h2>
          <p className="muted">{t.rich("contactDataIntro", { link: (chunks) => <a href="/audit">{chunks}</a> })}</p>
        </section>
      </div>
    </>
  );
}
