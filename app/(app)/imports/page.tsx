import { getFormatter, getTranslations } from "next-intl/server";
import { ImportUpload } from "@/components/imports/import-upload";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listContactImports, type ImportProblem } from "@/lib/imports/import-contacts";

/** CSV import of contacts: upload with live progress, then each import's report row by row. */
export default async function ImportsPage() {
  const member = await requireMember(ACCESS["/imports"]);
  const [imports, t, format] = await Promise.all([listContactImports(member), getTranslations("importsPage"), getFormatter()]);
  return (
    <>
      <p>
        <a href="/contacts">{t("back")}</a>
      </p>
      <h1>{t("title")}</h1>
      <section className="card">
        <p className="muted">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <ImportUpload />
      </section>
      <section className="card">
        <h2 className="card-title">{t("recent")}</h2>
        {imports.length === 0 && <p className="muted">{t("none")}</p>}
        {imports.map((run) => {
          const problems = run.problems as ImportProblem[];
          return (
            <div key={run.id} data-testid="import-report" style={{ borderTop: "1px solid #e5e7eb", padding: "10px 0" }}>
              <strong>{run.fileName}</strong> ·{" "}
              {format.dateTime(run.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              <span className={`badge ${run.status === "done" ? "closed" : run.status === "failed" ? "overdue" : "due"}`}>
                {t("status", { status: run.status })}
              </span>
              <div>
                {t("summary", { processed: run.processedRows, created: run.createdRows, updated: run.updatedRows, rejected: run.rejectedRows })}
              </div>
              {problems.length > 0 && (
                <details>
                  <summary>{t("problems", { count: problems.length })}</summary>
                  <table>
                    <thead>
                      <tr>
                        <th className="num">{t("row")}</th>
                        <th>{t("column")}</th>
                        <th>{t("problem")}</th>
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
