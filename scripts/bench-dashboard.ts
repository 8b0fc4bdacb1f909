// `npm run bench:dashboard`: at 1,000,000 responses (after `npm run seed:large`), times the whole dashboard
// (getDashboard: NPS, trend, distribution, leaderboards, response rates, follow-up figures) and the themes page's
// figures (getThemeFigures) for 90 days and for all time, against the same figures computed naively from raw rows,
// in one run, and prints p50/p95 of each and the ratio. Target: p95 under 100 ms and at least 10× faster than
// naive. Both ways must give the same figures, or the run fails.
import { isDeepStrictEqual } from "node:util";
import { BENCH_CX_EMAIL, BENCH_DATABASE_URL } from "./bench/bench-database";

process.env.DATABASE_URL = BENCH_DATABASE_URL;
const { db } = await import("../lib/db/client");
const { getDashboard, getNpsFigures } = await import("../lib/analytics/dashboard");
const { getFollowUpFigures, followUpFiguresFromRows } = await import("../lib/analytics/follow-up-figures");
const { getThemeFigures } = await import("../lib/analytics/theme-figures");
const { resolveFilters } = await import("../lib/analytics/filters");
const { findMemberForUser } = await import("../lib/members/members");
const { naiveDashboard, naiveNpsFigures, naiveThemeFigures } = await import("./bench/naive-dashboard");

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// The naive queries take seconds: fewer runs keep the bench (and the lock others wait on) to a few minutes.
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 10);
const WARM_UP = 3;
const TARGET_P95_MS = 100;
const TARGET_RATIO = 10;

const user = await db.user.findUnique({ where: { email: BENCH_CX_EMAIL } });
const member = user && (await findMemberForUser(user.id));
if (!member) {
  console.error(`No ${BENCH_CX_EMAIL} in ${BENCH_DATABASE_URL}: run \`npm run seed:large\` first.`);
  process.exit(1);
}
const responses = await db.response.count({ where: { organizationId: member.organizationId } });
console.log(
  `Tenant with ${responses.toLocaleString("en")} responses. ${RUNS} runs of each rollup read and ${NAIVE_RUNS} of each naive one, ` +
    `after ${WARM_UP} warm-up runs.\nTarget: p95 under ${TARGET_P95_MS} ms and at least ${TARGET_RATIO}× faster than naive.\n`,
);

const scenarios = [
  { name: "90 days", query: { period: "90d" as const } },
  { name: "all time", query: { period: "all" as const } },
  { name: "all time, one region", query: { period: "all" as const, region: "bg" + "0".repeat(23) } },
];

type Timing = { p50: number; p95: number };
type Line = { name: string; fast: Timing; naive: Timing };
const dashboardLines: Line[] = [];
const themeLines: Line[] = [];
const parts: string[] = [];
for (const scenario of scenarios) {
  const filters = await resolveFilters(member, scenario.query);
  const now = new Date();
  await checkSame(`${scenario.name}: dashboard`, async () => {
    const [dashboard, naive] = await Promise.all([getDashboard(member, filters, now), naiveNpsFigures(member, filters, now)]);
    const total = naive.responses.find((row) => row.dimension === 15 && row.current);
    const naiveScores = Array.from({ length: 11 }, (_, score) => Number(total?.[`s${score}`] ?? 0));
    const naiveSent = Number(naive.sends.find((row) => row.dimension === 15 && row.current)?.sent ?? 0);
    const followUps = await followUpFiguresFromRows(member, filters, now);
    return {
      same: isDeepStrictEqual(naiveScores, dashboard.distribution) && naiveSent === dashboard.sent && isDeepStrictEqual(followUps, dashboard.followUps),
      summary: `n = ${dashboard.figure.responses.toLocaleString("en")}, sent = ${dashboard.sent.toLocaleString("en")}, follow-ups = ${dashboard.followUps.opened.toLocaleString("en")}`,
    };
  });
  await checkSame(`${scenario.name}: themes`, async () => {
    const [themes, naive] = await Promise.all([getThemeFigures(member, filters), naiveThemeFigures(member, filters)]);
    return { same: isDeepStrictEqual(themes, naive), summary: `${themes.comments.toLocaleString("en")} comments, ${themes.themes.length} themes` };
  });
  dashboardLines.push({
    name: scenario.name,
    fast: await time(RUNS, () => getDashboard(member, filters, now)),
    naive: await time(NAIVE_RUNS, () => naiveDashboard(member, filters, now)),
  });
  themeLines.push({
    name: scenario.name,
    fast: await time(RUNS, () => getThemeFigures(member, filters)),
    naive: await time(NAIVE_RUNS, () => naiveThemeFigures(member, filters)),
  });
  const nps = await time(RUNS, () => getNpsFigures(member, filters, now));
  const followUps = await time(RUNS, () => getFollowUpFigures(member, filters, now));
  parts.push(`${scenario.name.padEnd(22)} ${pair(nps)}   ${pair(followUps)}`);
}

table("Whole dashboard (getDashboard) vs the same figures from raw rows", "dashboard", dashboardLines);
table("Themes page figures (getThemeFigures, ThemeRollup) vs the same from raw comments and tags", "themes", themeLines);
console.log("\nParts of the dashboard, run on their own (they run in parallel within it)");
console.log(`${"view".padEnd(22)} ${"NPS figures p50/p95".padEnd(23)}   follow-up figures p50/p95`);
for (const line of parts) console.log(line);
await db.$disconnect();

function table(title: string, label: string, lines: Line[]) {
  console.log(`\n${title}`);
  console.log(`${"view".padEnd(22)} ${`${label} p50/p95`.padEnd(23)}   ${"naive p50/p95".padEnd(23)}   p50 ratio  p95 ratio  target`);
  for (const { name, fast, naive } of lines) {
    const met = fast.p95 < TARGET_P95_MS && naive.p95 / fast.p95 >= TARGET_RATIO;
    console.log(
      `${name.padEnd(22)} ${pair(fast)}   ${pair(naive)}   ${ratio(naive.p50, fast.p50)}  ${ratio(naive.p95, fast.p95)}  ${met ? "  ✓ met" : "  ✗ missed"}`,
    );
  }
}

async function time(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

function pair(timing: Timing) {
  return `${ms(timing.p50)} / ${ms(timing.p95)}`;
}

function ms(value: number) {
  return `${value.toFixed(1).padStart(7)} ms`;
}

function ratio(a: number, b: number) {
  return `${(a / b).toFixed(1)}×`.padStart(9);
}

/** The two ways must agree, or the comparison means nothing. */
async function checkSame(name: string, compare: () => Promise<{ same: boolean; summary: string }>) {
  const { same, summary } = await compare();
  if (same) console.log(`✓ same figures both ways, ${name}: ${summary}`);
  else {
    console.error(`✗ the rollup and the raw rows disagree, ${name}: ${summary}`);
    process.exitCode = 1;
  }
}
