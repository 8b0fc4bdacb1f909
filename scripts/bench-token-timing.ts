// `npm run bench:token-timing`: does the time to answer a survey link tell an attacker anything about the tokens?
// Times the token lookup (lib/responses/survey-link.ts) and the whole landing page (GET /s/<token>) for four kinds
// of token, interleaved at random so that drift hits all alike:
//   known       a real send's token
//   unknown     a random well-formed token (192 bits: no guess ever hits)
//   near miss   a real token with its last character changed (a guess that is "almost right")
//   malformed   wrong length or characters (refused before the database)
// What must hold: near misses cost what random unknown tokens cost (the lookup is an index probe on the whole
// token, no character-by-character compare in our code), so timing cannot guide a guess towards a real token.
// Known tokens cost more (they load and render the survey); with 2^192 possible tokens that difference only
// tells an attacker what they already know from the page itself.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "./bench/app-under-load";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const database = await createBenchDatabase(`nps_bench_tokens_${randomBytes(3).toString("hex")}`);
process.env.DATABASE_URL = database.url;
const { createOrganization } = await import("../lib/organizations/organizations");
const { newSurveyToken } = await import("../lib/sending/survey-token");
const { getSurveyLink } = await import("../lib/responses/survey-link");
const { GET: landing } = await import("../app/s/[token]/route");
const { db } = await import("../lib/db/client");

try {
  const organization = await createOrganization({ name: "Bench Tokens", slug: "bench-tokens", adminEmail: "admin@bench-tokens.test" });
  const survey = await db.survey.findFirstOrThrow({ where: { organizationId: organization.id } });
  // Enough sends that the token index has several levels, as in a tenant with a few years of surveys.
  const tokens: string[] = [];
  for (let batch = 0; batch < 50; batch += 1) {
    const chunk = Array.from({ length: 2000 }, newSurveyToken);
    const contacts = chunk.map((_, i) => ({ id: `bt${batch}-${i}`, organizationId: organization.id, email: `c${batch}-${i}@bench.test` }));
    await db.contact.createMany({ data: contacts });
    await db.surveySend.createMany({
      data: chunk.map((token, i) => ({ organizationId: organization.id, surveyId: survey.id, contactId: contacts[i]!.id, channel: "online" as const, token, locale: "en" })),
    });
    tokens.push(...chunk);
  }
  await db.$executeRawUnsafe(`ANALYZE "SurveySend"`);
  const pick = () => tokens[Math.floor(Math.random() * tokens.length)]!;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const kinds: Record<string, () => string> = {
    known: pick,
    unknown: newSurveyToken,
    "near miss": () => {
      const token = pick();
      const last = token.at(-1)!;
      return token.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
    },
    malformed: () => randomBytes(10).toString("hex"),
  };
  const lookup = async (token: string) => {
    await getSurveyLink(token).catch(() => null);
  };
  let client = 0;
  const page = async (token: string) => {
    client += 1;
    const request = new Request(`http://localhost:3000/s/${token}`, {
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36", "x-forwarded-for": `198.18.${(client >> 8) & 255}.${client & 255}` },
    });
    await (await landing(request, { params: Promise.resolve({ token }) })).text();
  };

  for (const [what, measure] of [["token lookup", lookup], ["landing page GET /s/<token>", page]] as const) {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let i = 0; i < 200; i += 1) await measure(kinds.known!()); // warm-up: JIT, pool, plan cache
    const order = Array.from({ length: SAMPLES * 4 }, (_, i) => Object.keys(kinds)[i % 4]!).sort(() => Math.random() - 0.5);
    for (const kind of order) {
      const token = kinds[kind]!();
      const started = performance.now();
      await measure(token);
      times[kind]!.push(performance.now() - started);
    }
    const quantile = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.floor(q * (values.length - 1))]!;
    const median = (kind: string) => quantile(times[kind]!, 0.5);
    console.log(`\n${what}: ${SAMPLES} samples per kind, ${tokens.length} sends in the table`);
    console.table(Object.fromEntries(Object.keys(kinds).map((kind) => [kind, {
      "p50 ms": Number(median(kind).toFixed(3)),
      "p90 ms": Number(quantile(times[kind]!, 0.9).toFixed(3)),
      "p50 vs unknown": Number((median(kind) / median("unknown")).toFixed(2)),
    }])));
  }
} finally {
  await db.$disconnect();
  await database.drop();
}
