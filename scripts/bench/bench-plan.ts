import type { Locale } from "../../lib/i18n/locales";
import { categoryOf } from "../../lib/responses/nps";
import { themesInComment, type ThemeMatcher } from "../../lib/themes/match-themes";
import { COMMENTS } from "../../prisma/seed/comments";
import { categoryShares } from "../../prisma/seed/demo-feedback";
import type { CopyValue } from "./copy-rows";

// The rows of seed:large, generated lazily in chronological batches so that memory stays flat. Deterministic:
// a small seeded PRNG drives every choice.

/** The default size: quick to seed (5–8 minutes on a 2-core box), and the size the README's figures are for. */
export const DEFAULT_SIZE = { responses: 1_000_000, stores: 200, years: 2 };
export type BenchSize = typeof DEFAULT_SIZE;
const RESPONSE_RATE = 0.5;
// A contact answers about four times over the period, whatever the size.
const RESPONSES_PER_CONTACT = 4;
const BATCH_SENDS = 50_000;
const DAY = 86_400_000;
const REGIONS = ["North", "North-East", "East", "South-East", "South", "South-West", "West", "North-West", "Central", "Capital"];
const LOCALES: Locale[] = ["en", "de", "nl", "pl", "fr"];
const TIERS: [string, number][] = [["Basic", 45], ["Silver", 30], ["Gold", 17], ["Platinum", 8]];
const COMMENT_SHARE = { detractor: 0.75, passive: 0.5, promoter: 0.6 } as const;
const SCORE_WEIGHTS = { detractor: [2, 1, 2, 3, 4, 6, 7], passive: [5, 6], promoter: [6, 5] } as const;
const FIRST_SCORE = { detractor: 0, passive: 7, promoter: 9 } as const;

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(23, "0")}`;

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    if ((roll -= weight) < 0) return item;
  }
  return items[items.length - 1][0];
}

export type BenchPlan = ReturnType<typeof benchPlan>;

export function benchPlan(input: { organizationId: string; surveyId: string; themes: ThemeMatcher[]; rootCauseIds: string[]; now: Date; size: BenchSize }) {
  const { organizationId: org, surveyId } = input;
  const RESPONSES = input.size.responses;
  const STORES = input.size.stores;
  const DAYS = Math.round(input.size.years * 365);
  const CONTACTS = Math.ceil(RESPONSES / RESPONSES_PER_CONTACT);
  const random = prng(4_000_004);
  const end = Math.floor(input.now.getTime() / DAY) * DAY;
  const start = end - DAYS * DAY;
  const regions = REGIONS.map((name, index) => ({ id: id("bg", index), name }));
  const stores = Array.from({ length: STORES }, (_, index) => ({
    id: id("bt", index),
    code: `B-${String(index + 1).padStart(3, "0")}`,
    name: `Bench Store ${String(index + 1).padStart(3, "0")}`,
    city: `City ${index % 50}`,
    regionId: regions[index % regions.length].id,
    locale: LOCALES[index % LOCALES.length],
    quality: random() * 2 - 1,
  }));
  const contactStore = Array.from({ length: CONTACTS }, () => Math.floor(random() * STORES));
  const contactLocale = contactStore.map((store) => (random() < 0.8 ? stores[store].locale : LOCALES[Math.floor(random() * 5)]));
  const contactTier = contactStore.map(() => weighted(random, TIERS));
  const themeCache = new Map<string, string[]>();
  const themesOf = (comment: string, locale: Locale) => {
    const cacheKey = `${locale}|${comment}`;
    if (!themeCache.has(cacheKey)) themeCache.set(cacheKey, themesInComment(comment, locale, input.themes));
    return themeCache.get(cacheKey)!;
  };

  function* contacts(): Generator<CopyValue[]> {
    for (let n = 0; n < CONTACTS; n++) {
      const createdAt = new Date(start - (1 + Math.floor(random() * 60)) * DAY);
      yield [id("bc", n), org, `customer${n}@bench.example`, `Customer ${n}`, contactLocale[n], stores[contactStore[n]].id, contactTier[n], createdAt];
    }
  }

  function* batches() {
    let send = 0;
    let responses = 0;
    while (responses < RESPONSES) {
      const batch = { sends: [] as CopyValue[][], responses: [] as CopyValue[][], followUps: [] as CopyValue[][], themes: [] as CopyValue[][] };
      for (let i = 0; i < BATCH_SENDS && responses < RESPONSES; i++, send++) {
        const day = Math.min(DAYS - 1, Math.floor((send * RESPONSE_RATE * DAYS) / RESPONSES));
        const sentAt = new Date(start + day * DAY + (8 + random() * 12) * 3_600_000);
        const contact = Math.floor(random() * CONTACTS);
        const online = random() < 0.15;
        const store = online ? null : random() < 0.9 ? stores[contactStore[contact]] : stores[Math.floor(random() * STORES)];
        const locale = contactLocale[contact];
        const sendId = id("bs", send);
        const storeId = store?.id ?? null;
        const channel = online ? "online" : "store";
        batch.sends.push([sendId, org, surveyId, id("bc", contact), storeId, channel, `bench${send.toString(36).padStart(27, "0")}`, locale, sentAt, contactTier[contact]]);
        if (random() >= RESPONSE_RATE) continue;

        const respondedAt = new Date(Math.min(sentAt.getTime() + random() * 2 * DAY, end + DAY - 1));
        const progress = day / DAYS;
        const shares = categoryShares((store?.quality ?? 0) + 0.3 * (progress - 0.5));
        const drawn = weighted(random, [["promoter", shares.promoters], ["passive", shares.passives], ["detractor", shares.detractors]] as const);
        const score = FIRST_SCORE[drawn] + weighted(random, SCORE_WEIGHTS[drawn].map((weight, offset) => [offset, weight] as const));
        const category = categoryOf(score);
        const templates = COMMENTS[locale][category];
        const comment = random() < COMMENT_SHARE[category] ? templates[Math.floor(random() * templates.length)] : null;
        const responseId = id("br", responses);
        batch.responses.push([responseId, org, sendId, surveyId, id("bc", contact), storeId, channel, score, category, comment, locale, respondedAt, respondedAt, contactTier[contact]]);
        // A tag and a follow-up carry their response's keys (on a live database a trigger copies them).
        const segment = contactTier[contact];
        if (comment) for (const themeId of themesOf(comment, locale)) batch.themes.push([responseId, themeId, org, respondedAt, storeId, surveyId, channel, segment, category]);
        if (category === "detractor") batch.followUps.push([...followUp(responseId, storeId, respondedAt, responses), channel, surveyId, segment, store?.regionId ?? null]);
        responses++;
      }
      yield batch;
    }
  }

  /** Old follow-ups are closed, mostly contacted within the 24 h SLA; the last days' are still open. */
  function followUp(responseId: string, storeId: string | null, createdAt: Date, n: number): CopyValue[] {
    const dueAt = new Date(createdAt.getTime() + DAY);
    if (end - createdAt.getTime() < 3 * DAY) return [id("bf", n), org, responseId, storeId, "open", null, dueAt, null, null, createdAt, null];
    const reached = random() < 0.85;
    const minutes = random() < 0.7 ? 5 + random() * 600 : 1440 + random() * 2880;
    const contactedAt = reached ? new Date(createdAt.getTime() + minutes * 60_000) : null;
    const closedAt = new Date(createdAt.getTime() + (minutes + 30) * 60_000);
    const outcome = reached ? (random() < 0.7 ? "resolved" : "not_resolved") : "unreachable";
    // Most closed follow-ups name a root cause, the first causes more often than the last.
    const causes = input.rootCauseIds;
    const rootCauseId = random() < 0.8 && causes.length ? causes[Math.min(causes.length - 1, Math.floor(random() * random() * causes.length))] : null;
    return [id("bf", n), org, responseId, storeId, "closed", outcome, dueAt, contactedAt, closedAt, createdAt, rootCauseId];
  }

  return { regions, stores, contacts, batches, totals: { responses: RESPONSES } };
}
