import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/form/action-form";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organizations/organizations";
import { previewRetention, RETENTION_RUNS } from "@/lib/privacy/retention";
import { RetentionPreview, RetentionRules } from "@/components/privacy/retention-rules";
import { applyRetentionAction, saveRetentionAction } from "./actions";

type Props = { searchParams: Promise<{ before?: string }> };

export default async function PrivacyPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/privacy"]);
  const { before } = await searchParams;
  const [organization, audit, t, format] = await Promise.all([
    getOrganization(member),
    listAuditEvents(member, { cursor: before || undefined }),
    getTranslations("privacyPage"),
    getFormatter(),
  ]);
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
          <p className="muted">{t("contactDataIntro")}</p>
        </section>
      </div>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("audit")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("when")}</th>
              <th>{t("who")}</th>
              <th>{t("what")}</th>
              <th>{t("subject")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.events.map((event) => (
              <tr key={event.id}>
                <td>{format.dateTime(event.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td>{event.actorEmail ?? t("system")}</td>
                <td>{event.action.replaceAll("_", " ")}</td>
                <td className="muted">{event.subject ?? (event.detail ? JSON.stringify(event.detail) : "–")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {audit.events.length === 0 && <p className="empty">{t("empty")}</p>}
        {audit.nextCursor && <a href={`/privacy?before=${audit.nextCursor}`}>{t("older")}</a>}
      </section>
    </>
  );
}
