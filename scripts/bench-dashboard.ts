// `npm run bench:dashboard` (after `npm run seed:large`): every analytics view of the bench tenant, each as of
// several "today"s with the clock fixed (the first, middle and last day of a month, a Monday and a Sunday), since
// a range is cut into months, weeks and days and its cost must not depend on where today falls. For each view:
// p50/p95 on every date and the worst p95, the rollup rows it read on each date (fewest and most), and the same
// figures computed naively from raw rows in the same run, with the ratio; both ways must agree or the run fails.
// Then the comments explorer's full-text search (first page, newest first) and the CSV export of every response
// (rows/s and peak memory). Targets: views p95 < 100 ms and ≥ 10× naive; search p95 < 300 ms; export ≥ 50,000 rows/s.
// `-- --only views|search|export` runs one part (the export alone takes seconds, the whole bench minutes).
import { isDeepStrictEqual, parseArgs } from "node:util";
import { addDays } from "date-fns";
import { BENCH_CX_EMAIL, BENCH_DATABASE_URL, BENCH_MANAGER_EMAIL } from "./bench/bench-database";
import { describeRows, rollupRowsRead } from "./bench/rollup-rows-read";
import type { Member } from "../lib/tenancy/tenant";

process.env.DATABASE_URL = BENCH_DATABASE_URL;
const { db } = await import("../lib/db/client");
const { getDashboard } = await import("../lib/analytics/dashboard");
const { followUpFiguresFromRows } = await import("../lib/analytics/follow-up-figures");
const { getThemeFigures } = await import("../lib/analytics/theme-figures");
const { listComments } = await import("../lib/analytics/comments");
const { responsesCsv } = await import("../lib/analytics/exports");
const { resolveFilters } = await import("../lib/analytics/filters");
const { analyticsQuerySchema } = await import("../lib/analytics/schemas");
const { findMemberForUser } = await import("../lib/members/members");
const { naiveDashboard, naiveNpsFigures, naiveThemeFigures } = await import("./bench/naive-dashboard");

const PARTS = ["views", "search", "export"] as const;
const { values: options } = parseArgs({ options: { only: { type: "string" } } });
if (options.only && !PARTS.includes(options.only as (typeof PARTS)[number])) {
  console.error(`--only takes one of ${PARTS.join(", ")}`);
  process.exit(2);
}
const runs = (part: (typeof PARTS)[number]) => !options.only || options.only === part;

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// The naive queries take seconds: a few runs, on the first date only, keep the bench to minutes.
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);
const WARM_UP = 2;
const TARGET_P95_MS = 100;
const TARGET_RATIO = 10;
const SEARCH_TARGET_P95_MS = 300;
const EXPORT_TARGET_ROWS_PER_S = 50_000;

const user = await db.user.findUnique({ where: { email: BENCH_CX_EMAIL } });
const member = user && (await findMemberForUser(user.id));
if (!member) {
  console.error(`No ${BENCH_CX_EMAIL} in ${BENCH_DATABASE_URL}: run \`npm run seed:large\` first.`);
  process.exit(1);
}
// seed:large's store manager, of the first store.
const managerUser = await db.user.findUnique({ where: { email: BENCH_MANAGER_EMAIL } });
const manager = managerUser && (await findMemberForUser(managerUser.id));
if (!manager) {
  console.error(`No ${BENCH_MANAGER_EMAIL} in ${BENCH_DATABASE_URL}: run \`npm run seed:large\` again.`);
  process.exit(1);
}
const tenant = { organizationId: member.organizationId };
const [responses, stores, last] = await Promise.all([
  db.response.count({ where: tenant }),
  db.store.findMany({ where: tenant, select: { id: true, regionId: true }, orderBy: { code: "asc" } }),
  db.response.aggregate({ where: tenant, _max: { respondedAt: true } }),
]);
const todays = todaysOf(last._max.respondedAt ?? new Date());
console.log(
  `Tenant with ${responses.toLocaleString("en")} responses and ${stores.length.toLocaleString("en")} stores. ${RUNS} runs of each view ` +
    `per date after ${WARM_UP} warm-up runs; ${NAIVE_RUNS} naive runs per view on the first date.\n` +
    `Today, clock fixed: ${todays.map((today) => today.label).join(", ")}.\n`,
);

type View = { name: string; query: Record<string, string>; run: "dashboard" | "themes"; as?: "store manager" };
const views: View[] = [
  { name: "all time", query: { period: "all" }, run: "dashboard" },
  { name: "90 days", query: { period: "90d" }, run: "dashboard" },
  { name: "one region, all time", query: { period: "all", region: stores[0].regionId ?? "" }, run: "dashboard" },
  { name: "one store, all time", query: { period: "all", store: stores[0].id }, run: "dashboard" },
  { name: "store manager's stores, 90 days", query: { period: "90d" }, run: "dashboard", as: "store manager" },
  { name: "channel online, 90 days", query: { period: "90d", channel: "online" }, run: "dashboard" },
  { name: "channel in store, all time", query: { period: "all", channel: "store" }, run: "dashboard" },
  { name: "segment Gold, 90 days", query: { period: "90d", segment: "Gold" }, run: "dashboard" },
  { name: "segment Gold, all time", query: { period: "all", segment: "Gold" }, run: "dashboard" },
  { name: "trend by week, a year", query: { period: "365d", trend: "week" }, run: "dashboard" },
  { name: "themes, 90 days", query: { period: "90d" }, run: "themes" },
  { name: "themes, all time", query: { period: "all" }, run: "themes" },
];

type Timing = { p50: number; p95: number };

if (runs("views")) await benchViews();
if (runs("search")) await benchCommentSearch();
if (runs("export")) await benchExport();
await db.$disconnect();

/** Every view on every "today", against the naive figures of the first. */
async function benchViews() {
  const lines: string[] = [];
  for (const view of views) {
    const perDate: { label: string; timing: Timing; rows: Map<string, number> }[] = [];
    let naive: Timing | null = null;
    const viewer: Member = view.as === "store manager" ? manager! : member!;
    for (const [index, today] of todays.entries()) {
      const filters = await resolveFilters(viewer, analyticsQuerySchema.parse(view.query), today.now);
      const fast = () => (view.run === "dashboard" ? getDashboard(viewer, filters, today.now) : getThemeFigures(viewer, filters));
      if (index === 0) {
        await checkSame(viewer, view, filters, today.now);
        naive = await time(NAIVE_RUNS, () => (view.run === "dashboard" ? naiveDashboard(viewer, filters, today.now) : naiveThemeFigures(viewer, filters)));
      }
      perDate.push({ label: today.label, timing: await time(RUNS, fast), rows: await rollupRowsRead(BENCH_DATABASE_URL, fast) });
    }
    const worst = perDate.reduce((a, b) => (b.timing.p95 > a.timing.p95 ? b : a));
    const rowCounts = perDate.map((date) => [...date.rows.values()].reduce((sum, count) => sum + count, 0));
    const fewest = perDate[rowCounts.indexOf(Math.min(...rowCounts))];
    const most = perDate[rowCounts.indexOf(Math.max(...rowCounts))];
    const met = worst.timing.p95 < TARGET_P95_MS && naive!.p95 / worst.timing.p95 >= TARGET_RATIO;
    console.log(`${view.name}`);
    for (const date of perDate) console.log(`  ${date.label.padEnd(30)} p50/p95 ${pair(date.timing)}   rows read ${describeRows(date.rows)}`);
    console.log(`  naive (first date)             p50/p95 ${pair(naive!)}`);
    console.log(
      `  worst p95 ${ms(worst.timing.p95)} (${worst.label}), ${(naive!.p95 / worst.timing.p95).toFixed(1)}× naive p95; ` +
        `rows read ${Math.min(...rowCounts).toLocaleString("en")}–${Math.max(...rowCounts).toLocaleString("en")} ${met ? "✓ met" : "✗ missed"}\n`,
    );
    lines.push(
      `| ${view.name} | ${worst.timing.p50.toFixed(1)} / ${worst.timing.p95.toFixed(1)} ms (${worst.label}) | ${naive!.p50.toFixed(0)} / ${naive!.p95.toFixed(0)} ms | ` +
        `${(naive!.p95 / worst.timing.p95).toFixed(1)}× | ${describeRows(fewest.rows)} – ${describeRows(most.rows)} | ${met ? "met" : "missed"} |`,
    );
  }
  console.log("As a table for docs/benchmarks.md (worst date's p50/p95; rows read on the date with the fewest – the most):");
  console.log("| View | Worst p50 / p95 | Naive p50 / p95 | p95 ratio | Rows read (rollups, FollowUp, Response) | Target |\n|---|---|---|---|---|---|");
  for (const line of lines) console.log(line);
}

/** The comments explorer over all time: a common word, a rare one and two words, against the page with no search. */
async function benchCommentSearch() {
  const filters = await resolveFilters(member!, { period: "all" });
  console.log("\nComments explorer, all time, first page newest first (target p95 < 300 ms)");
  for (const q of [undefined, "staff", "queue", "rude staff", "xylophone"]) {
    const timing = await time(RUNS, () => listComments(member!, filters, { q }));
    const met = timing.p95 < SEARCH_TARGET_P95_MS;
    console.log(`  ${(q ? `search "${q}"` : "no search (baseline)").padEnd(24)} p50/p95 ${pair(timing)} ${q ? (met ? "✓ met" : "✗ missed") : ""}`);
  }
}

/** Every response of the tenant as CSV, read as fast as it comes: rows per second and the process's peak memory. */
async function benchExport() {
  const filters = await resolveFilters(member!, { period: "all" });
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  let lines = 0;
  for await (const chunk of responsesCsv(member!, filters)) {
    const text = String(chunk);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rows = lines - 1;
  const rate = rows / seconds;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `\nCSV export of all responses: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString("en")} rows/s ` +
      `(target ≥ ${EXPORT_TARGET_ROWS_PER_S.toLocaleString("en")}) ${rate >= EXPORT_TARGET_ROWS_PER_S ? "✓ met" : "✗ missed"}; ` +
      `RSS ${mb(before)} before, peak ${mb(peak)}`,
  );
}

/**
 * The "today"s to run each view as of: the first, middle and last day of the last whole month of data, and a Monday
 * and a Sunday if none of those is one. "Now" is late on that day, as a user would look at it.
 */
function todaysOf(lastResponse: Date) {
  const monthStart = new Date(Date.UTC(lastResponse.getUTCFullYear(), lastResponse.getUTCMonth() - 1, 1));
  const monthEnd = addDays(new Date(Date.UTC(lastResponse.getUTCFullYear(), lastResponse.getUTCMonth(), 1)), -1);
  const days = [
    { day: monthStart, what: "first of the month" },
    { day: addDays(monthStart, 14), what: "middle of the month" },
    { day: monthEnd, what: "last of the month" },
  ];
  for (const [weekday, name] of [[1, "a Monday"], [0, "a Sunday"]] as const) {
    if (days.some(({ day }) => day.getUTCDay() === weekday)) continue;
    let day = addDays(monthStart, 1);
    while (day.getUTCDay() !== weekday) day = addDays(day, 1);
    days.push({ day, what: name });
  }
  const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return days.map(({ day, what }) => ({
    now: new Date(day.getTime() + 22 * 3_600_000),
    label: `${day.toISOString().slice(0, 10)} ${weekdays[day.getUTCDay()]}, ${what}`,
  }));
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

/** The two ways must agree, or the comparison means nothing. */
async function checkSame(viewer: Member, view: View, filters: Awaited<ReturnType<typeof resolveFilters>>, now: Date) {
  let same: boolean;
  if (view.run === "themes") {
    same = isDeepStrictEqual(await getThemeFigures(viewer, filters), await naiveThemeFigures(viewer, filters));
  } else {
    const [dashboard, naive, followUps] = await Promise.all([
      getDashboard(viewer, filters, now),
      naiveNpsFigures(viewer, filters, now),
      followUpFiguresFromRows(viewer, filters, now),
    ]);
    const total = naive.responses.find((row) => row.dimension === 15 && row.current);
    const naiveScores = Array.from({ length: 11 }, (_, score) => Number(total?.[`s${score}`] ?? 0));
    const naiveSent = Number(naive.sends.find((row) => row.dimension === 15 && row.current)?.sent ?? 0);
    const naiveStores = new Map(naive.responses.filter((row) => row.dimension === 7 && row.current).map((row) => [row.key, row]));
    const storesSame = dashboard.stores.every((store) => {
      const row = naiveStores.get(store.key);
      return isDeepStrictEqual(
        store.figure.responses,
        Array.from({ length: 11 }, (_, score) => Number(row?.[`s${score}`] ?? 0)).reduce((a, b) => a + b, 0),
      );
    });
    same =
      isDeepStrictEqual(naiveScores, dashboard.distribution) && naiveSent === dashboard.sent && storesSame && isDeepStrictEqual(followUps, dashboard.followUps);
  }
  if (!same) {
    console.error(`✗ the rollup and the raw rows disagree: ${view.name}`);
    process.exitCode = 1;
  }
}
