// `npm run seed:large`: one tenant with 200 stores, 2 years, ~2,000,000 survey sends and exactly 1,000,000
// responses (with comments, themes and follow-ups with root causes), loaded with COPY into a fresh database
// (BENCH_DATABASE_URL, default nps_bench on the local server), the triggers off; then the rollups are filled a
// month at a time through the triggers' own functions (scripts/bench/build-rollups.ts).
// Other sizes: `npm run seed:large -- --responses 10000000 --stores 2000 --years 5`.
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import pg from "pg";
import { BENCH_CX_EMAIL, BENCH_DATABASE_URL, BENCH_MANAGER_EMAIL, BENCH_TENANT_SLUG, recreateBenchDatabase } from "./bench/bench-database";
import { buildRollups } from "./bench/build-rollups";
import { copyRows } from "./bench/copy-rows";
import { benchPlan, DEFAULT_SIZE, type BenchPlan } from "./bench/bench-plan";

const barOptions = {
  etaBuffer: 20,
  // Piped (CI, a log file): a line every few seconds instead of a redrawn bar.
  noTTYOutput: true,
  notTTYSchedule: 5_000,
};

const { values: options } = parseArgs({
  options: {
    responses: { type: "string", default: String(DEFAULT_SIZE.responses) },
    stores: { type: "string", default: String(DEFAULT_SIZE.stores) },
    years: { type: "string", default: String(DEFAULT_SIZE.years) },
  },
});
const size = { responses: Number(options.responses), stores: Number(options.stores), years: Number(options.years) };
if (!Object.values(size).every((value) => Number.isFinite(value) && value > 0)) {
  console.error("--responses, --stores and --years take positive numbers, e.g. --responses 10000000 --stores 2000 --years 5");
  process.exit(2);
}

process.env.DATABASE_URL = BENCH_DATABASE_URL;
const { migrate } = await import("../lib/db/migrate");
const { db } = await import("../lib/db/client");
const { createOrganization } = await import("../lib/organizations/organizations");
const { inviteMember } = await import("../lib/members/members");
const { getDefaultSurvey } = await import("../lib/surveys/surveys");
const { listThemes } = await import("../lib/themes/read-themes");
const { listRootCauses } = await import("../lib/followups/root-causes");

const started = performance.now();
console.log(`Recreating ${BENCH_DATABASE_URL} for ${size.responses.toLocaleString("en")} responses, ${size.stores} stores, ${size.years} years …`);
await recreateBenchDatabase();
await migrate(BENCH_DATABASE_URL);

const organization = await createOrganization({
  name: "Bench Retail",
  slug: BENCH_TENANT_SLUG,
  adminEmail: "admin@bench.demo",
  reviewUrl: "https://example.com/review/bench",
});
const tenant = { organizationId: organization.id };
const [survey, themes, rootCauses] = await Promise.all([getDefaultSurvey(tenant), listThemes(tenant), listRootCauses(tenant)]);
const plan = benchPlan({ organizationId: organization.id, surveyId: survey.id, themes, rootCauseIds: rootCauses.map((cause) => cause.id), now: new Date(), size });
await db.region.createMany({ data: plan.regions.map((region) => ({ ...region, organizationId: organization.id })) });
await db.store.createMany({ data: plan.stores.map(({ id, code, name, city, regionId }) => ({ id, code, name, city, regionId, organizationId: organization.id })) });
await inviteMember(tenant, { email: BENCH_CX_EMAIL, name: "Bench CX", role: "cx_manager", storeIds: [] });
await inviteMember(tenant, { email: BENCH_MANAGER_EMAIL, name: "Bench Manager", role: "store_manager", storeIds: [plan.stores[0].id] });
await db.$disconnect();

const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
await client.connect();
try {
  // The rows carry every key the row triggers would copy, and each row is valid: the triggers, foreign-key checks
  // included, are left to the rollups' build.
  await client.query("SET session_replication_role = replica");
  await load(client, plan);
  await client.query("SET session_replication_role = DEFAULT");
  await fillRollups(client);
  // The weeks across two months were written twice: clear the dead versions, as autovacuum would on a live
  // database, and give the planner statistics.
  console.log("Vacuuming and analysing …");
  await client.query("VACUUM ANALYZE");
} finally {
  await client.end();
}
const seconds = (performance.now() - started) / 1000;
console.log(`Loaded ${plan.totals.responses.toLocaleString("en")} responses in ${seconds.toFixed(0)} s.`);
console.log(`Sign in as ${BENCH_CX_EMAIL}: DATABASE_URL=${BENCH_DATABASE_URL} DEMO_MODE=true SEED_DEMO=false npm start`);

async function load(client: pg.Client, plan: BenchPlan) {
  await copyRows(client, "Contact", ["id", "organizationId", "email", "name", "locale", "storeId", "segment", "createdAt"], plan.contacts());
  const bar = new SingleBar(
    { ...barOptions, format: "Responses [{bar}] {percentage}% | {value}/{total} | {sends} sends | {eta_formatted} left" },
    Presets.shades_classic,
  );
  bar.start(plan.totals.responses, 0, { sends: 0 });
  let sends = 0;
  let responses = 0;
  for (const batch of plan.batches()) {
    await copyRows(client, "SurveySend", ["id", "organizationId", "surveyId", "contactId", "storeId", "channel", "token", "locale", "sentAt", "segment"], batch.sends);
    await copyRows(client, "Response", ["id", "organizationId", "surveySendId", "surveyId", "contactId", "storeId", "channel", "score", "category", "comment", "locale", "respondedAt", "updatedAt", "segment"], batch.responses);
    await copyRows(client, "FollowUp", ["id", "organizationId", "responseId", "storeId", "status", "outcome", "dueAt", "contactedAt", "closedAt", "createdAt", "rootCauseId", "channel", "surveyId", "segment", "regionId"], batch.followUps);
    await copyRows(client, "ResponseTheme", ["responseId", "themeId", "organizationId", "respondedAt", "storeId", "surveyId", "channel", "segment", "category"], batch.themes);
    sends += batch.sends.length;
    responses += batch.responses.length;
    bar.update(responses, { sends });
  }
  bar.stop();
}

async function fillRollups(client: pg.Client) {
  const bar = new SingleBar({ ...barOptions, format: "Rollups [{bar}] {percentage}% | month {value}/{total} | {eta_formatted} left" }, Presets.shades_classic);
  await buildRollups(client, (done, months) => {
    if (done === 0) bar.start(months, 0);
    bar.update(done);
  });
  bar.stop();
}
