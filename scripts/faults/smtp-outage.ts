import { createFaultTenant, pendingSendingJobs, portFrom, prepareFaultDatabase, sleep, tallyMails, tokenOf } from "./fault-tenant";
import { startFaultSmtp } from "./smtp-fault-server";

// Fault: the SMTP server is down for a minute while a campaign is going out and detractor alerts are due.
// Every contact must get the survey exactly once and every manager each alert exactly once, after the server is
// back; nothing may be lost or sent twice. FAULT_SMTP_OUTAGE_SECONDS shortens the minute for a quick run.
const CONTACTS = Number(process.env.FAULT_CONTACTS ?? 600);
const OUTAGE_SECONDS = Number(process.env.FAULT_SMTP_OUTAGE_SECONDS ?? 60);
const DEADLINE_SECONDS = Number(process.env.FAULT_DEADLINE_SECONDS ?? 900);
const DETRACTORS_BEFORE = 10;
const DETRACTORS_DURING = 20;

const smtp = await startFaultSmtp(portFrom("FAULT_SMTP_PORT", 2526), { delayMs: 10 });
const server = await prepareFaultDatabase(smtp.url);
let stopWorker = async (): Promise<unknown> => undefined;
try {
  const { db } = await import("../../lib/db/client");
  const { startWorker } = await import("../../lib/worker/worker");
  const { startCampaign } = await import("../../lib/campaigns/campaigns");
  const { recordScore } = await import("../../lib/responses/record-score");
  const { tenant, admin, store, survey, managerEmails } = await createFaultTenant(2);

  await db.contact.createMany({
    data: Array.from({ length: CONTACTS }, (_, i) => ({ organizationId: tenant.organizationId, email: `customer-${i}@fault.test`, storeId: store.id })),
  });
  const workerLog: string[] = [];
  const worker = await startWorker({ connectionString: server.url, log: (line) => workerLog.push(line) });
  stopWorker = worker.stop;

  const campaign = await startCampaign(admin, {
    name: "Outage campaign", surveyId: survey.id, storeId: store.id,
    segment: null, attributeName: null, attributeValue: null, purchasedWithinDays: null, reminderAfterDays: null,
  }, new Date(Date.now() + 1000));
  console.log(`… campaign to ${CONTACTS} contacts started`);

  // Detractors answer the emails that went out before the outage: their alerts are due while the server is down.
  const detractors = new Set<string>();
  async function detractorClicks(count: number) {
    for (const mail of await smtp.accepted()) {
      const token = tokenOf(mail.text);
      if (detractors.size >= count || !token || detractors.has(token)) continue;
      detractors.add(token);
      await recordScore(token, 2);
    }
  }
  while (smtp.acceptedCount() < CONTACTS / 4) await sleep(20);
  await detractorClicks(DETRACTORS_BEFORE);
  await smtp.down();
  // Counted once the server is closed: a message in its last milliseconds of DATA may still get its 250.
  const beforeOutage = smtp.acceptedCount();
  const downAt = Date.now();
  console.log(`… ${beforeOutage} mails accepted, ${detractors.size} detractors answered: SMTP server DOWN for ${OUTAGE_SECONDS} s`);
  await detractorClicks(DETRACTORS_BEFORE + DETRACTORS_DURING);
  console.log(`… ${detractors.size} detractors answered in all; the campaign goes on against the dead server`);
  await sleep(Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - downAt)));
  const duringOutage = smtp.acceptedCount() - beforeOutage;
  await smtp.up();
  const upAt = Date.now();
  console.log("… SMTP server UP again; waiting for the campaign and the alerts to finish");

  const pendingJobs = () => pendingSendingJobs(tenant);
  for (;;) {
    const [unsettled, jobs] = await Promise.all([
      db.surveySend.count({ where: { ...tenant, campaignId: campaign.id, status: { in: ["queued", "sending"] } } }),
      pendingJobs(),
    ]);
    if (unsettled === 0 && jobs === 0) break;
    if (Date.now() - upAt > DEADLINE_SECONDS * 1000) {
      console.log(`… gave up waiting: ${unsettled} sends unsettled, ${jobs} jobs pending`);
      break;
    }
    await sleep(500);
  }
  const recoveredSeconds = ((Date.now() - upAt) / 1000).toFixed(1);

  const mails = await smtp.accepted();
  const sends = await db.surveySend.findMany({ where: { ...tenant, campaignId: campaign.id }, select: { token: true, status: true, attempts: true } });
  const { surveyMails, followUps, expectedAlerts, alertMails } = await tallyMails(tenant, sends.map((s) => s.token), mails, managerEmails);
  const byStatus = Object.fromEntries(
    (await db.surveySend.groupBy({ by: ["status"], where: { ...tenant, campaignId: campaign.id }, _count: true })).map((g) => [g.status, g._count]),
  );
  const report = {
    "contacts in the campaign": CONTACTS,
    "survey sends made": sends.length,
    "sends by status": JSON.stringify(byStatus),
    "sends retried (attempts > 1)": sends.filter((s) => s.attempts > 1).length,
    "survey mails accepted": mails.filter((m) => tokenOf(m.text)).length,
    "contacts never mailed (lost)": surveyMails.missing.length,
    "contacts mailed twice": surveyMails.twice.length,
    "detractor responses": followUps.length,
    "alert mails expected": expectedAlerts.length,
    "alert mails lost": alertMails.missing.length,
    "alert mails sent twice": alertMails.twice.length,
    "mails accepted during the outage": duringOutage,
    "seconds to settle after the server came back": recoveredSeconds,
    "worker log lines (failed jobs retried)": workerLog.filter((l) => l.includes("failed")).length,
  };
  console.table(report);
  const ok = sends.length === CONTACTS && byStatus.sent === CONTACTS && followUps.length === detractors.size
    && surveyMails.missing.length === 0 && surveyMails.twice.length === 0
    && alertMails.missing.length === 0 && alertMails.twice.length === 0 && duringOutage === 0;
  console.log(ok ? "PASS: after a dead SMTP server every survey and every alert went out exactly once" : "FAIL");
  process.exitCode = ok ? 0 : 1;
  await stopWorker();
  await db.$disconnect();
} finally {
  await smtp.close();
  server.stop();
}
// pg-boss and the SMTP pool keep timers alive after their stop: leave with the verdict.
process.exit(process.exitCode ?? 1);
