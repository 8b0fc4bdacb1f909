// Profiles the sending path: the SQL statements (round trips) one POST /api/v1/survey-sends costs, and one
// delivery by the worker's job. `npx tsx scripts/bench/count-send-queries.ts`; in-process, on a database of its own.
import { profileDatabase, timeCalls } from "./statement-profiler";

const { database, statements } = await profileDatabase();
const { createOrganization } = await import("../../lib/organizations/organizations");
const { createApiKey } = await import("../../lib/api/api-keys");
const { db } = await import("../../lib/db/client");
const { POST } = await import("../../app/api/v1/survey-sends/route");
const organization = await createOrganization({ name: "Bench Queries", slug: "bench-queries", adminEmail: "admin@bench-queries.test" });
const { key } = await createApiKey({ organizationId: organization.id }, { name: "bench" });
const post = (i: number) =>
  POST(
    new Request("http://localhost/api/v1/survey-sends", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `q-${i}` },
      body: JSON.stringify({ contact: { email: `customer-${i}@bench.test`, name: `Customer ${i}`, locale: "en" }, transactionRef: `order-${i}` }),
    }),
    { params: Promise.resolve({}) },
  );
for (const label of ["warm-up", "new contact"]) {
  statements.length = 0;
  const response = await post(label === "warm-up" ? -1 : 0);
  if (label === "warm-up") continue;
  console.log(`\nPOST ${label}: ${response.status}, ${statements.length} statements`);
  if (process.env.VERBOSE) for (const s of statements) console.log(`  ${s}`);
}
const CALLS = Number(process.env.CALLS ?? 300);
await timeCalls("sequential POSTs", CALLS, (i) => post(i + 1));
await db.$disconnect();
await database.drop();
process.exit(0);
