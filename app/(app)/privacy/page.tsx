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
  const [organization, audit] = await Promise.all([
    getOrganization(member),
    listAuditEvents(member, { cursor: before || undefined }),
  ]);
  const preview = organization.retentionMonths ? await previewRetention(member, organization.retentionMonths) : null;
  return (
    <>
      <h1>Privacy &amp; audit log</h1>
      <div className="grid two">
        <section className="card" data-testid="retention">
          <h2 style={{ marginTop: 0 }}>Retention</h2>
          <RetentionRules runs={RETENTION_RUNS} />
          {preview && <RetentionPreview months={organization.retentionMonths!} {...preview} />}
          <ActionForm action={saveRetentionAction} submitLabel="Save retention">
            <Field name="retentionMonths" label="Keep for (months)" type="number" defaultValue={organization.retentionMonths ?? ""} />
          </ActionForm>
          {organization.retentionMonths && <ActionForm action={applyRetentionAction} submitLabel="Apply now" />}
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>A contact's data</h2>
          <p className="muted">
            Open a contact under Contacts to export everything held on them as JSON, or to erase them. Both are recorded
            below.
          </p>
        </section>
      </div>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Audit log</h2>
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Subject</th>
            </tr>
          </thead>
          <tbody>
            {audit.events.map((event) => (
              <tr key={event.id}>
                <td>{event.createdAt.toLocaleString("en-GB")}</td>
                <td>{event.actorEmail ?? "System"}</td>
                <td>{event.action.replaceAll("_", " ")}</td>
                <td className="muted">{event.subject ?? (event.detail ? JSON.stringify(event.detail) : "–")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {audit.events.length === 0 && <p className="empty">Nothing recorded yet.</p>}
        {audit.nextCursor && <a href={`/privacy?before=${audit.nextCursor}`}>Older entries →</a>}
      </section>
    </>
  );
}
