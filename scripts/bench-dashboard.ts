// `npm run bench:dashboard`: times the dashboard's queries at 1,000,000 responses (after `npm run seed:large`) for
// 90 days and for all time, against the same figures computed naively from raw rows, in one run, and prints p50/p95
// of each and the ratio. Target: dashboard p95 under 100 ms and at least 10× faster than naive.
import { BENCH_CX_EMAIL, BENCH_DATABASE_URL } from "./bench/bench-database";

process.env.DATABASE_URL = BENCH_DATABASE_URL;
const { db } = await import("../lib/db");
const { getDashboard, getNpsFigures } = await import("../lib/analytics/dashboard");
const { getFollowUpFigures } = await import("../lib/analytics/follow-up-figures");
const { resolveFilters } = await import("../lib/analytics/filters");
const { findMemberForUser } = await import("../lib/members/members");
const { naiveNpsFigures } = await import("./bench/naive-dashboard");

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;

const user = await db.user.findUnique({ where: { email: BENCH_CX_EMAIL } });
const member = user && (await findMemberForUser(user.id));
if (!member) {
  console.error(`No ${BENCH_CX_EMAIL} in ${BENCH_DATABASE_URL}: run \`npm run seed:large\` first.`);
  process.exit(1);
}
const responses = await db.response.count({ where: { organizationId: member.organizationId } });
console.log(`Tenant with ${responses.toLocaleString("en")} responses; ${RUNS} runs each after ${WARM_UP} warm-up runs.\n`);

const scenarios = [
  { name: "90 days", query: { period: "90d" as const } },
  { name: "all time", query: { period: "all" as const } },
  { name: "all time, one region", query: { period: "all" as const, region: "bg" + "0".repeat(23) } },
];

console.log("NPS figures (trend, distribution, leaderboards, response rates): rollup vs the same from raw rows");
console.log("view                   rollup p50/p95         raw rows p50/p95      p50 ratio  p95 ratio");
const followUpTimes: string[] = [];
for (const scenario of scenarios) {
  const filters = await resolveFilters(member, scenario.query);
  const rollup = await time(() => getNpsFigures(member, filters));
  const naive = await time(() => naiveNpsFigures(member, filters));
  const whole = await time(() => getDashboard(member, filters));
  const followUps = await time(() => getFollowUpFigures(member, filters, new Date()));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`.padStart(9);
  console.log(
    `${scenario.name.padEnd(22)} ${ms(rollup.p50)} / ${ms(rollup.p95)}    ${ms(naive.p50)} / ${ms(naive.p95)}   ${ratio(naive.p50, rollup.p50)}  ${ratio(naive.p95, rollup.p95)}`,
  );
  followUpTimes.push(`${scenario.name.padEnd(22)} ${ms(followUps.p50)} / ${ms(followUps.p95)}    ${ms(whole.p50)} / ${ms(whole.p95)}`);
  await checkSameFigures(filters);
}
console.log("\nFollow-up figures (FollowUpRollup for whole-tenant views, raw follow-ups when filtered) and the whole page");
console.log("view                   follow-ups p50/p95     whole dashboard p50/p95");
for (const line of followUpTimes) console.log(line);
await db.$disconnect();

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

function ms(value: number) {
  return `${value.toFixed(1).padStart(7)} ms`;
}

/** The two ways must agree, or the comparison means nothing. */
async function checkSameFigures(filters: Awaited<ReturnType<typeof resolveFilters>>) {
  const [dashboard, naive] = await Promise.all([getNpsFigures(member!, filters), naiveNpsFigures(member!, filters)]);
  const total = naive.responses.find((row) => row.dimension === 15 && row.current);
  const naiveScores = Array.from({ length: 11 }, (_, score) => Number(total?.[`s${score}`] ?? 0));
  const naiveSent = Number(naive.sends.find((row) => row.dimension === 15 && row.current)?.sent ?? 0);
  if (JSON.stringify(naiveScores) !== JSON.stringify(dashboard.distribution) || naiveSent !== dashboard.sent) {
    console.error("  ✗ the rollup and the raw rows disagree:", { rollup: dashboard.distribution, naive: naiveScores, naiveSent, sent: dashboard.sent });
    process.exitCode = 1;
  } else {
    console.log(`  ✓ same figures: n = ${dashboard.figure.responses.toLocaleString("en")}, sent = ${dashboard.sent.toLocaleString("en")}`);
  }
}
