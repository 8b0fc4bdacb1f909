import { ImportUpload } from "@/components/imports/import-upload";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listContactImports, type ImportProblem } from "@/lib/imports/import-contacts";

/** CSV import of contacts: upload with live progress, then each import's report row by row. */
export default async function ImportsPage() {
  const member = await requireMember(ACCESS["/imports"]);
  const imports = await listContactImports(member);
  return (
    <>
      <p>
        <a href="/contacts">← Contacts</a>
      </p>
      <h1>Import contacts</h1>
      <section className="card">
        <p className="muted">
          One contact per row, with a header row. Known columns: <code>email</code>, <code>externalId</code>, <code>name</code>,{" "}
          <code>phone</code>, <code>locale</code> (en, de, nl, pl, fr), <code>segment</code>, <code>storeCode</code>,{" "}
          <code>lastPurchaseAt</code> (ISO time). Any other column becomes an attribute campaigns can select by. A row with a
          known externalId or email updates that contact.
        </p>
        <ImportUpload />
      </section>
      <section className="card">
        <h2 className="card-title">Recent imports</h2>
        {imports.length === 0 && <p className="muted">No imports yet.</p>}
        {imports.map((run) => {
          const problems = run.problems as ImportProblem[];
          return (
            <div key={run.id} data-testid="import-report" style={{ borderTop: "1px solid #e5e7eb", padding: "10px 0" }}>
              <strong>{run.fileName}</strong> ·{" "}
              {run.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              <span className={`badge ${run.status === "done" ? "closed" : run.status === "failed" ? "overdue" : "due"}`}>
                {run.status}
              </span>
              <div>
                {run.processedRows} rows: {run.createdRows} new, {run.updatedRows} updated, {run.rejectedRows} refused
              </div>
              {problems.length > 0 && (
                <details>
                  <summary>{problems.length === 1 ? "1 problem" : `${problems.length} problems`}</summary>
                  <table>
                    <thead>
                      <tr>
                        <th className="num">Row</th>
                        <th>Column</th>
                        <th>Problem</th>
                      </tr>
                    </thead>
                    <tbody>
                      {problems.map((problem, index) => (
                        <tr key={index}>
                          <td className="num">{problem.row}</td>
                          <td>{problem.field}</td>
                          <td>{problem.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </div>
          );
        })}
      </section>
    </>
  );
}
