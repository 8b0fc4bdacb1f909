import { startScratchPostgres } from "./scratch-postgres";

// Fault: PostgreSQL restarts while customers are clicking scores. Every click must end either stored or with a
// "please try again" page (after which the customer clicks again); no response may be stored twice or lost.
const CUSTOMERS = 400;
const CONCURRENCY = 16;

const server = startScratchPostgres(Number(process.env.FAULT_PG_PORT ?? 55433));
process.env.DATABASE_URL = server.url;
process.env.DATABASE_POOL_SIZE = "10";
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;
process.env.DEMO_MODE = "true"; // mail, if any, to the outbox: only demo mode has one (lib/env.ts)

try {
  const { migrate } = await import("../../lib/db/migrate");
  await migrate(server.url);
  // A send queues its email as a job: the queue's tables must exist (no worker runs, the clicks need none).
  const { installJobQueue } = await import("../../lib/queue/enqueue");
  await installJobQueue(server.url);
  const { db } = await import("../../lib/db/client");
  const { createOrganization } = await import("../../lib/organizations/organizations");
  const { createStore } = await import("../../lib/stores/stores");
  const { sendSurvey } = await import("../../lib/sending/send-survey");
  const { GET: clickScore } = await import("../../app/s/[token]/[score]/route");

  const organization = await createOrganization({ name: "Fault Shop", slug: "fault-shop", adminEmail: "admin@fault.test" });
  const tenant = { organizationId: organization.id };
  const store = await createStore(tenant, { name: "Fault Street", code: "F-1", city: null, regionId: null });
  const customers: { token: string; sendId: string; score: number; acknowledged: boolean; retryPages: number; errors: number }[] = [];
  for (let i = 0; i < CUSTOMERS; i += 1) {
    const send = await sendSurvey(tenant, {
      email: `customer-${i}@fault.test`, name: null, phone: null, locale: "en", storeId: store.id, surveyId: null,
    });
    customers.push({ token: send.token, sendId: send.id, score: i % 11, acknowledged: false, retryPages: 0, errors: 0 });
  }

  let clicked = 0;
  let restarted = false;
  async function click(customer: (typeof customers)[number], index: number) {
    for (let attempt = 0; attempt < 40 && !customer.acknowledged; attempt += 1) {
      const request = new Request(`http://localhost:3000/s/${customer.token}/${customer.score}`, {
        headers: {
          "x-forwarded-for": `10.0.${index >> 8}.${index & 255}`,
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
          "accept-language": "en",
        },
      });
      const response = await clickScore(request, { params: Promise.resolve({ token: customer.token, score: String(customer.score) }) });
      if (response.status === 303) customer.acknowledged = true;
      else if (response.status === 503) {
        customer.retryPages += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
      } else customer.errors += 1;
    }
    clicked += 1;
    if (!restarted && clicked >= CUSTOMERS / 3) {
      restarted = true;
      console.log(`… ${clicked} customers done: restarting PostgreSQL`);
      server.restart();
      console.log("… PostgreSQL is back");
    }
  }
  const queue = customers.map((customer, index) => () => click(customer, index));
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  }));

  const stored = await db.response.findMany({ where: { organizationId: organization.id }, select: { surveySendId: true, score: true } });
  const bySend = new Map(stored.map((response) => [response.surveySendId, response.score]));
  const lost = customers.filter((c) => c.acknowledged && bySend.get(c.sendId) !== c.score).length;
  const report = {
    customers: CUSTOMERS,
    acknowledged: customers.filter((c) => c.acknowledged).length,
    "retry pages shown": customers.reduce((sum, c) => sum + c.retryPages, 0),
    "other errors": customers.reduce((sum, c) => sum + c.errors, 0),
    stored: stored.length,
    "stored twice": stored.length - bySend.size,
    lost,
  };
  console.table(report);
  await db.$disconnect();
  const ok = report.acknowledged === CUSTOMERS && report["stored twice"] === 0 && lost === 0 && report["other errors"] === 0;
  console.log(ok ? "PASS: every click stored once, or retried until stored" : "FAIL");
  process.exitCode = ok ? 0 : 1;
} finally {
  server.stop();
}
