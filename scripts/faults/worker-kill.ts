import { spawn, type ChildProcess } from "node:child_process";
import { createFaultTenant, pendingSendingJobs, portFrom, prepareFaultDatabase, sleep, tallyMails, tokenOf } from "./fault-tenant";
import { startFaultSmtp } from "./smtp-fault-server";

// Fault: the worker process is killed (SIGKILL, no goodbye) in the middle of a batch of survey emails and alerts.
// A second worker must finish the jobs: every customer gets the survey once, every manager each alert once.
// The only mails whose fate nobody can know are those the dead worker was handing to the SMTP server at the kill
// (at most one per pooled connection): they are never re-sent, and the jobs page shows them as unconfirmed.
// pg-boss gives a dead worker's jobs to another after their expiry (5 min) at its next maintenance (every 2 min);
// FAULT_JOB_EXPIRE_SECONDS shortens the expiry for a quick run.
const SENDS = Number(process.env.FAULT_SENDS ?? 1000);
const DETRACTORS = 40;
const POOL_SIZE = 5;
const DEADLINE_SECONDS = Number(process.env.FAULT_DEADLINE_SECONDS ?? 900);

const smtp = await startFaultSmtp(portFrom("FAULT_SMTP_PORT", 2526), { delayMs: 20 });
const server = await prepareFaultDatabase(smtp.url);
const workers: ChildProcess[] = [];

function startWorkerProcess(name: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, SMTP_POOL_SIZE: String(POOL_SIZE) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => {
    if (/processing/.test(chunk.toString())) console.log(`… ${name} worker (pid ${child.pid}) is processing`);
  });
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name} worker] ${chunk}`));
  workers.push(child);
  return child;
}

try {
  const { db } = await import("../../lib/db/client");
  const { jobSchema } = await import("../../lib/queue/enqueue");
  const { requestSurveySend } = await import("../../lib/sending/request-survey-send");
  const { recordScore } = await import("../../lib/responses/record-score");
  const { sweepSends } = await import("../../lib/sending/sweep-sends");
  const { listJobProblems } = await import("../../lib/worker/job-problems");
  const { tenant, store, managerEmails } = await createFaultTenant(2);
  if (process.env.FAULT_JOB_EXPIRE_SECONDS) {
    await db.$executeRawUnsafe(`UPDATE ${jobSchema()}.queue SET expire_seconds = $1`, Number(process.env.FAULT_JOB_EXPIRE_SECONDS));
  }

  // The whole batch is queued before any worker runs: survey emails, and alerts for detractors who answered.
  const tokens: string[] = [];
  for (let i = 0; i < SENDS; i += 1) {
    const { send } = await requestSurveySend(tenant, { contact: { email: `customer-${i}@fault.test` }, storeId: store.id, surveyId: null });
    tokens.push(send.token);
  }
  for (const token of tokens.slice(0, DETRACTORS)) await recordScore(token, 1);
  console.log(`… ${SENDS} survey emails and ${DETRACTORS * managerEmails.length} alerts queued`);

  const first = startWorkerProcess("first");
  while (smtp.acceptedCount() < SENDS / 4) await sleep(5);
  first.kill("SIGKILL");
  const atKill = smtp.acceptedCount();
  await new Promise((resolve) => first.once("exit", resolve));
  const claimedAtKill = await db.surveySend.count({ where: { ...tenant, status: "sending" } });
  const activeAtKill = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM ${jobSchema()}.job WHERE state = 'active' AND data->>'organizationId' = $1`, tenant.organizationId,
  ))[0]!.n);
  console.log(`… first worker KILLED (SIGKILL) after ${atKill} mails: ${activeAtKill} jobs active, ${claimedAtKill} sends claimed`);
  await sleep(500);
  const afterKill = smtp.acceptedCount();

  const killedAt = Date.now();
  startWorkerProcess("second");
  const pendingJobs = () => pendingSendingJobs(tenant);
  let lastReport = 0;
  for (;;) {
    const [jobs, queued] = await Promise.all([pendingJobs(), db.surveySend.count({ where: { ...tenant, status: "queued" } })]);
    if (jobs === 0 && queued === 0) break;
    if (Date.now() - killedAt > DEADLINE_SECONDS * 1000) {
      console.log(`… gave up waiting: ${jobs} jobs pending, ${queued} sends queued`);
      break;
    }
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`… ${Math.round((Date.now() - killedAt) / 1000)} s after the kill: ${jobs} jobs pending (the dead worker's wait for their expiry)`);
    }
    await sleep(500);
  }
  const finishedSeconds = ((Date.now() - killedAt) / 1000).toFixed(1);
  // What the sending sweep does 10 minutes after a claim: the dead worker's unconfirmed sends go to a person.
  const { unconfirmed } = await sweepSends(new Date(Date.now() + 11 * 60_000));
  const problems = await listJobProblems(tenant, new Date(Date.now() + 6 * 60_000));

  const mails = await smtp.accepted();
  const sends = await db.surveySend.findMany({ where: tenant, select: { token: true, status: true } });
  const { surveyMails, expectedAlerts, alertMails } = await tallyMails(tenant, tokens, mails, managerEmails);
  const sentWithoutMail = sends.filter((s) => s.status === "sent" && surveyMails.missing.includes(s.token)).length;
  const unconfirmedTokens = new Set(sends.filter((s) => s.status === "failed").map((s) => s.token));
  const silentlyLost = surveyMails.missing.filter((t) => !unconfirmedTokens.has(t)).length;
  const byStatus = Object.fromEntries((await db.surveySend.groupBy({ by: ["status"], where: tenant, _count: true })).map((g) => [g.status, g._count]));
  const report = {
    "survey emails queued": SENDS,
    "mails accepted before the kill": atKill,
    "mails accepted in 0.5 s after the kill": afterKill - atKill,
    "jobs active at the kill": activeAtKill,
    "sends claimed at the kill": claimedAtKill,
    "seconds until the second worker finished": finishedSeconds,
    "sends by status": JSON.stringify(byStatus),
    "survey mails accepted": mails.filter((m) => tokenOf(m.text)).length,
    "customers mailed twice": surveyMails.twice.length,
    "unconfirmed sends (shown on the jobs page, not re-sent)": unconfirmed,
    "  of which the server had accepted": unconfirmed - surveyMails.missing.filter((t) => unconfirmedTokens.has(t)).length,
    "sends lost without a trace": silentlyLost,
    "sends marked sent that never arrived": sentWithoutMail,
    "alert mails expected": expectedAlerts.length,
    "alert mails lost": alertMails.missing.length,
    "alert mails sent twice": alertMails.twice.length,
    "unconfirmed alert mails on the jobs page": problems.unconfirmed.length,
  };
  console.table(report);
  const unconfirmedAll = unconfirmed + problems.unconfirmed.length;
  const ok = surveyMails.twice.length === 0 && alertMails.twice.length === 0 && silentlyLost === 0 && sentWithoutMail === 0
    && alertMails.missing.length <= problems.unconfirmed.length && unconfirmedAll <= POOL_SIZE && (byStatus.queued ?? 0) === 0;
  console.log(ok
    ? `PASS: the second worker finished the batch; nothing sent twice; ${unconfirmedAll} mail(s) in SMTP transfer at the kill left for a person`
    : "FAIL");
  process.exitCode = ok ? 0 : 1;
  await db.$disconnect();
} finally {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGTERM");
  await sleep(300);
  await smtp.close();
  server.stop();
}
process.exit(process.exitCode ?? 1);
