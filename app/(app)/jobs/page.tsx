import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { readReplicaStatus, readReplicaStatusText } from "@/lib/db/replica-lag";
import { listJobProblems } from "@/lib/worker/job-problems";
import { QUEUES } from "@/lib/queue/queues";
import { listScheduledJobs } from "@/lib/worker/scheduled-jobs";
import { retryJobAction } from "./actions";

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
const isQueueName = (name: string): name is QueueName => (Object.values(QUEUES) as string[]).includes(name);
const SCHEDULE_KEYS = { "* * * * *": "everyMinute", "0 6 * * 1": "mondays", "30 3 * * *": "daily", "17 * * * *": "hourly" } as const;
const scheduleKey = (cron: string) => (cron in SCHEDULE_KEYS ? SCHEDULE_KEYS[cron as keyof typeof SCHEDULE_KEYS] : null);

/** For admins: what is scheduled, background jobs of this tenant that failed (with their error) or wait for a retry, and the read replica's lag. */
export default async function JobsPage() {
  const member = await requireMember(ACCESS["/jobs"]);
  const [{ jobs, unconfirmed }, scheduled, replica, t, queues, format] = await Promise.all([
    listJobProblems(member),
    listScheduledJobs(member),
    readReplicaStatus(),
    getTranslations("jobsPage"),
    getTranslations("queues"),
    getFormatter(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "–");
  const utc = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short", timeZone: "UTC" });
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
      <section className="card" data-testid="scheduled-jobs">
        <h2 style={{ marginTop: 0 }}>{t("scheduled")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("job")}</th>
              <th>{t("when")}</th>
              <th>{t("nextRun")}</th>
            </tr>
          </thead>
          <tbody>
            {scheduled.recurring.map((job) => (
              <tr key={job.name}>
                <td>{queueName(job.name)}</td>
                <td>{scheduleKey(job.cron) ? t(scheduleKey(job.cron)!) : job.cron}</td>
                <td>{utc(job.nextRun)}</td>
              </tr>
            ))}
            {scheduled.waiting.map((job) => (
              <tr key={job.name}>
                <td>{queueName(job.name)}</td>
                <td>{t("waiting", { count: job.count })}</td>
                <td>{utc(job.nextRun)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
