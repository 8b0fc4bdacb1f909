// Profiles one score click: the SQL statements (round trips) a click on a fresh email costs, per category.
// `npx tsx scripts/bench/count-click-queries.ts`; runs the route handler in-process on a database of its own.
import { profileDatabase, timeCalls } from "./statement-profiler";

const { database, statements } = await profileDatabase();
const { createOrganization } = await import("../../lib/organizations/organizations");
const { sendSurvey } = await import("../../lib/sending/send-survey");
const { db } = await import("../../lib/db/client");
const { GET } = await import("../../app/s/[token]/[score]/route");
const organization = await createOrganization({ name: "Bench Queries", slug: "bench-queries", adminEmail: "admin@bench-queries.test" });
const tenant = { organizationId: organization.id };
const store = await db.store.create({ data: { organizationId: organization.id, code: "Q-1", name: "Bench Store" } });
const headers = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36", "accept-language": "en", "x-forwarded-for": "198.18.0.1" };
for (const [label, score] of [["warm-up", 9], ["detractor", 2], ["passive", 7], ["promoter", 10]] as const) {
  const send = await sendSurvey(tenant, { email: `${label}@bench.test`, name: null, phone: null, locale: "en", storeId: store.id, surveyId: null });
  statements.length = 0;
  const response = await GET(new Request(`http://localhost/s/${send.token}/${score}`, { headers }), { params: Promise.resolve({ token: send.token, score: String(score) }) });
  if (label === "warm-up") continue;
  console.log(`\n${label} (${score}): ${response.status}, ${statements.length} statements`);
  if (process.env.VERBOSE) for (const s of statements) console.log(`  ${s}`);
}
// CPU this process spends per click (Prisma, the route's code; not Next's HTTP layer), over sequential clicks.
const CLICKS = Number(process.env.CLICKS ?? 300);
const sends: { token: string }[] = [];
for (let i = 0; i < CLICKS; i++) sends.push(await sendSurvey(tenant, { email: `cpu-${i}@bench.test`, name: null, phone: null, locale: "en", storeId: store.id, surveyId: null }));
await timeCalls("sequential clicks", CLICKS, (i) => {
  const send = sends[i]!;
  return GET(new Request(`http://localhost/s/${send.token}/${i % 11}`, { headers: { ...headers, "x-forwarded-for": `198.18.1.${i % 250}` } }), { params: Promise.resolve({ token: send.token, score: String(i % 11) }) });
});
await db.$disconnect();
await database.drop();
process.exit(0);
