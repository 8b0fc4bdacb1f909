import { startScratchPostgres, type ScratchPostgres } from "./scratch-postgres";
import type { TenantWideMember } from "../../lib/tenancy/tenant";

// What the SMTP and worker fault scripts share: a throwaway database with the app's schema and job queues, a
// tenant with one store and its store managers (who get the alerts), and counting helpers.

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const portFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Starts the scratch cluster and points the app's configuration at it and at `smtpUrl` (before lib/ loads). */
export async function prepareFaultDatabase(smtpUrl: string): Promise<ScratchPostgres> {
  const server = startScratchPostgres(portFrom("FAULT_PG_PORT", 55433));
  process.env.DATABASE_URL = server.url;
  process.env.DATABASE_POOL_SIZE = "10";
  process.env.APP_URL = "http://localhost:3000";
  process.env.SMTP_URL = smtpUrl;
  const { migrate } = await import("../../lib/db/migrate");
  await migrate(server.url);
  const { installJobQueue } = await import("../../lib/queue/enqueue");
  await installJobQueue(server.url);
  return server;
}

export async function createFaultTenant(managers: number) {
  const { db } = await import("../../lib/db/client");
  const { createOrganization } = await import("../../lib/organizations/organizations");
  const { createStore } = await import("../../lib/stores/stores");
  const { inviteMember, findMemberForUser } = await import("../../lib/members/members");
  const organization = await createOrganization({ name: "Fault Shop", slug: "fault-shop", adminEmail: "admin@fault.test" });
  const tenant = { organizationId: organization.id };
  // Every detractor gets a follow-up and an alert: no holdout draw in a fault run.
  await db.survey.updateMany({ where: tenant, data: { holdoutPercent: 0 } });
  const store = await createStore(tenant, { name: "Fault Street", code: "F-1", city: null, regionId: null });
  const managerEmails: string[] = [];
  for (let i = 0; i < managers; i += 1) {
    const email = `manager-${i}@fault.test`;
    await inviteMember(tenant, { email, name: null, role: "store_manager", storeIds: [store.id] });
    managerEmails.push(email);
  }
  const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@fault.test" } });
  const admin = (await findMemberForUser(adminUser.id, organization.id)) as TenantWideMember;
  const survey = await db.survey.findFirstOrThrow({ where: tenant });
  return { tenant, admin, store, survey, managerEmails };
}

/** How often each key occurs: [keys never seen, keys seen more than once]. */
export function tally(expected: string[], seen: string[]) {
  const counts = new Map<string, number>(expected.map((key) => [key, 0]));
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  const missing = [...counts].filter(([, n]) => n === 0).map(([key]) => key);
  const twice = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
  return { missing, twice };
}

/** The survey token of a survey email, or the follow-up id of an alert, from the mail's text. */
export const tokenOf = (text: string) => /\/s\/([A-Za-z0-9_-]{32})/.exec(text)?.[1];
export const followUpOf = (text: string) => /\/queue\/([a-z0-9-]+)/.exec(text)?.[1];

type FaultTenant = { organizationId: string };

/** The tenant's sending jobs not done yet: its campaigns', survey sends' and alerts'. */
export async function pendingSendingJobs(tenant: FaultTenant): Promise<number> {
  const { db } = await import("../../lib/db/client");
  const { jobSchema } = await import("../../lib/queue/enqueue");
  const { QUEUES } = await import("../../lib/queue/queues");
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM ${jobSchema()}.job
      WHERE state IN ('created', 'retry', 'active') AND name = ANY($2) AND data->>'organizationId' = $1`,
    tenant.organizationId,
    [QUEUES.campaign, QUEUES.surveySend, QUEUES.alert],
  );
  return Number(rows[0]!.n);
}

/** The mails the sink accepted against those due: a survey email per token, an alert per manager and follow-up. */
export async function tallyMails(tenant: FaultTenant, tokens: string[], mails: { to: string; text: string }[], managerEmails: string[]) {
  const { db } = await import("../../lib/db/client");
  const surveyMails = tally(tokens, mails.map((m) => tokenOf(m.text)).filter((t): t is string => !!t));
  const followUps = await db.followUp.findMany({ where: tenant, select: { id: true } });
  const expectedAlerts = followUps.flatMap((f) => managerEmails.map((to) => `${to} ${f.id}`));
  const alertMails = tally(expectedAlerts, mails.filter((m) => followUpOf(m.text)).map((m) => `${m.to} ${followUpOf(m.text)}`));
  return { surveyMails, followUps, expectedAlerts, alertMails };
}
