import { ActionForm, Field } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getOrganization } from "@/lib/organizations/organizations";
import { applyRetentionAction, saveRetentionAction } from "./actions";

export default async function PrivacyPage() {
  const member = await requireMember(ACCESS["/privacy"]);
  const organization = await getOrganization(member);
  return (
    <>
      <h1>Privacy</h1>
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Retention</h2>
          <p className="muted">
            Comments older than this are removed and contacts not surveyed within it are erased. Scores stay in the
            figures. Empty keeps everything.
          </p>
          <ActionForm action={saveRetentionAction} submitLabel="Save retention">
            <Field name="retentionMonths" label="Keep for (months)" type="number" defaultValue={organization.retentionMonths ?? ""} />
          </ActionForm>
          {organization.retentionMonths && <ActionForm action={applyRetentionAction} submitLabel="Apply now" />}
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>A contact's data</h2>
          <p className="muted">
            Open a contact under Contacts to export everything held on them as JSON, or to erase them. Both are recorded in
            the <a href="/audit">audit log</a>.
          </p>
        </section>
      </div>
    </>
  );
}
