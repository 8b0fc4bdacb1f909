import { ActionForm } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { readReplicaStatus, readReplicaStatusText } from "@/lib/db/replica-lag";
import { listJobProblems } from "@/lib/worker/job-problems";
import { listScheduledJobs } from "@/lib/worker/scheduled-jobs";
import { QUEUE_LABELS } from "@/lib/queue/queues";
import { retryJobAction } from "./actions";

const SCHEDULE_LABELS: Record<string, string> = { "* * * * *": "Every minute", "0 6 * * 1": "Mondays at 06:00 UTC" };
const utc = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/** For admins: what is scheduled, background jobs of this tenant that failed (with their error) or wait for a retry, and the read replica's lag. */
export default async function JobsPage() {
  const member = await requireMember(ACCESS["/jobs"]);
  const [{ jobs, unconfirmed }, scheduled, replica] = await Promise.all([listJobProblems(member), listScheduledJobs(member), readReplicaStatus()]);
  const when = (date: Date | null) => (date ? date.toLocaleString("en-GB") : "–");
  return (
    <>
      <h1>Background jobs</h1>
      <p className="muted">
        Alerts, escalations, re-surveys and digests run as jobs. A failing job is retried 5 times with growing pauses; after
        that it stays here with its error until someone queues it again. Jobs never send an email twice.
      </p>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Failing jobs</h2>
        {jobs.length === 0 && <p className="empty">No failing jobs. Everything ran.</p>}
        {jobs.length > 0 && (
          <table data-testid="failed-jobs">
            <thead>
              <tr>
                <th>Job</th>
                <th>State</th>
                <th className="num">Retries</th>
                <th>Created</th>
                <th>Last error</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>{QUEUE_LABELS[job.name] ?? job.name}</td>
                  <td>{job.state === "failed" ? <span className="badge overdue">failed</span> : <span className="badge due">retrying</span>}</td>
                  <td className="num">{job.retryCount}</td>
                  <td>{when(job.createdOn)}</td>
                  <td className="error-text">{job.error}</td>
                  <td>{job.state === "failed" && <ActionForm action={retryJobAction.bind(null, job.id)} submitLabel="Retry" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="scheduled-jobs">
        <h2 style={{ marginTop: 0 }}>Scheduled</h2>
        <table>
          <thead>
            <tr>
              <th>Job</th>
              <th>When</th>
              <th>Next run (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {scheduled.recurring.map((job) => (
              <tr key={job.name}>
                <td>{QUEUE_LABELS[job.name] ?? job.name}</td>
                <td>{SCHEDULE_LABELS[job.cron] ?? job.cron}</td>
                <td>{utc(job.nextRun)}</td>
              </tr>
            ))}
            {scheduled.waiting.map((job) => (
              <tr key={job.name}>
                <td>{QUEUE_LABELS[job.name] ?? job.name}</td>
                <td>{job.count} waiting for their time</td>
                <td>{utc(job.nextRun)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Emails with unconfirmed delivery</h2>
        <p className="muted">
          The sender stopped between handing the email over and hearing back. To be safe it is not sent again; check with the
          recipient if it matters.
        </p>
        {unconfirmed.length === 0 && <p className="empty">None.</p>}
        <ul>
          {unconfirmed.map((mail) => (
            <li key={mail.id}>
              {mail.kind} to {mail.to}, {when(mail.claimedAt)}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" data-testid="read-replica">
        <h2 style={{ marginTop: 0 }}>Read replica</h2>
        <p>{readReplicaStatusText(replica)}</p>
        {replica.state !== "not-configured" && (
          <p className="muted">Dashboards, comments, themes, CSV exports and API reads come from it: they are this far behind the primary.</p>
        )}
      </section>
    </>
  );
}
