import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { readReplicaStatus, readReplicaStatusText } from "@/lib/db/replica-lag";
import { listJobProblems } from "@/lib/worker/job-problems";
import { QUEUES } from "@/lib/queue/queues";
import { retryJobAction } from "./actions";

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
const isQueueName = (name: string): name is QueueName => (Object.values(QUEUES) as string[]).includes(name);

/** For admins: background jobs of this tenant that failed (with their error) or wait for a retry; the read replica's lag. */
export default async function JobsPage() {
  const member = await requireMember(ACCESS["/jobs"]);
  const [{ jobs, unconfirmed }, replica, t, queues, format] = await Promise.all([
    listJobProblems(member),
    readReplicaStatus(),
    getTranslations("jobsPage"),
    getTranslations("queues"),
    getFormatter(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "–");
  const queueName = (name: string) => (isQueueName(name) ? queues(name) : name);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("failing")}</h2>
        {jobs.length === 0 && <p className="empty">{t("noFailing")}</p>}
        {jobs.length > 0 && (
          <table data-testid="failed-jobs">
            <thead>
              <tr>
                <th>{t("job")}</th>
                <th>{t("state")}</th>
                <th className="num">{t("retries")}</th>
                <th>{t("created")}</th>
                <th>{t("lastError")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>{queueName(job.name)}</td>
                  <td>{job.state === "failed" ? <span className="badge overdue">{t("failed")}</span> : <span className="badge due">{t("retrying")}</span>}</td>
                  <td className="num">{job.retryCount}</td>
                  <td>{when(job.createdOn)}</td>
                  <td className="error-text">{job.error}</td>
                  <td>{job.state === "failed" && <ActionForm action={retryJobAction.bind(null, job.id)} submitLabel={t("retry")} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("unconfirmed")}</h2>
        <p className="muted">{t("unconfirmedIntro")}</p>
        {unconfirmed.length === 0 && <p className="empty">{t("none")}</p>}
        <ul>
          {unconfirmed.map((mail) => (
            <li key={mail.id}>
              {t("mailTo", { kind: mail.kind, to: mail.to, time: when(mail.claimedAt) })}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" data-testid="read-replica">
        <h2 style={{ marginTop: 0 }}>{t("replica")}</h2>
        <p>{readReplicaStatusText(replica)}</p>
        {replica.state !== "not-configured" && (
          <p className="muted">{t("replicaIntro")}</p>
        )}
      </section>
    </>
  );
}
