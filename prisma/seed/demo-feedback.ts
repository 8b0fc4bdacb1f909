import { addMinutes } from "date-fns";
import type { Channel } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { categoryOf, type Category } from "@/lib/responses/nps";
import { COMMENTS } from "./comments";
import type { ContactRow } from "./demo-contacts";
import type { DemoRandom } from "./demo-random";
import type { DemoStore, TenantSpec } from "./demo-tenants";

export type SurveySendRow = {
  id: string;
  contactId: string;
  storeId: string | null;
  channel: Channel;
  token: string;
  locale: Locale;
  sentAt: Date;
};

export type ResponseRow = {
  id: string;
  surveySendId: string;
  contactId: string;
  storeId: string | null;
  channel: Channel;
  score: number;
  category: Category;
  comment: string | null;
  callbackConsent: boolean;
  callbackPhone: string | null;
  locale: Locale;
  respondedAt: Date;
  updatedAt: Date;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const STORE_CHANNEL_SHARE = 0.85;
const HOME_STORE_SHARE = 0.9;
// The sending rule tenants are advised to use: nobody is asked again within two weeks.
const MIN_DAYS_BETWEEN_SURVEYS = 14;
const CALLBACK_CONSENT_SHARE = 0.55;
const COMMENT_SHARE: Record<Category, number> = { detractor: 0.75, passive: 0.5, promoter: 0.6 };
// Within a category, the lower detractor and the higher promoter scores are rarer than their neighbours.
const SCORE_WEIGHTS: Record<Category, { value: number; weight: number }[]> = {
  detractor: [0, 1, 2, 3, 4, 5, 6].map((score) => ({ value: score, weight: [2, 1, 2, 3, 4, 6, 7][score] })),
  passive: [{ value: 7, weight: 5 }, { value: 8, weight: 6 }],
  promoter: [{ value: 9, weight: 6 }, { value: 10, weight: 5 }],
};
// Most people answer within the hour; the rest within two days.
const RESPONSE_DELAY_MINUTES = [
  { value: { min: 2, max: 60 }, weight: 55 },
  { value: { min: 60, max: 600 }, weight: 30 },
  { value: { min: 600, max: 2 * 24 * 60 }, weight: 15 },
];
// The whole programme improves a little over the months, as stores call their detractors back.
const QUALITY_TREND = 0.3;

export function buildFeedback(
  random: DemoRandom,
  spec: TenantSpec,
  stores: DemoStore[],
  contacts: ContactRow[],
  now: Date,
): { surveySends: SurveySendRow[]; responses: ResponseRow[] } {
  const { faker } = random;
  const storesById = new Map(stores.map((store) => [store.id, store]));
  const lastSentAt = new Map<string, number>();
  const surveySends: SurveySendRow[] = [];
  const responses: ResponseRow[] = [];

  for (const sentAt of sendTimes(random, spec, now)) {
    const contact = pickContact(random, contacts, lastSentAt, sentAt);
    if (!contact) continue;
    lastSentAt.set(contact.id, sentAt.getTime());
    const channel: Channel = faker.datatype.boolean(STORE_CHANNEL_SHARE) ? "store" : "online";
    const storeId =
      channel === "online"
        ? null
        : faker.datatype.boolean(HOME_STORE_SHARE)
          ? contact.storeId
          : faker.helpers.arrayElement(stores).id;
    const send: SurveySendRow = {
      id: random.id(),
      contactId: contact.id,
      storeId,
      channel,
      token: faker.string.alphanumeric(32),
      locale: contact.locale,
      sentAt,
    };
    surveySends.push(send);

    const respondedAt = addMinutes(sentAt, faker.number.int(faker.helpers.weightedArrayElement(RESPONSE_DELAY_MINUTES)));
    if (!faker.datatype.boolean(spec.responseRate) || respondedAt > now) continue;
    const progress = 1 - (now.getTime() - sentAt.getTime()) / (spec.historyDays * DAY);
    const quality = (storeId ? storesById.get(storeId)!.quality : spec.onlineQuality) + QUALITY_TREND * (progress - 0.5);
    responses.push(answer(random, send, contact, quality, respondedAt));
  }
  return { surveySends, responses };
}

function answer(random: DemoRandom, send: SurveySendRow, contact: ContactRow, quality: number, respondedAt: Date): ResponseRow {
  const { faker } = random;
  const shares = categoryShares(quality);
  const drawn = faker.helpers.weightedArrayElement([
    { value: "promoter" as const, weight: shares.promoters },
    { value: "passive" as const, weight: shares.passives },
    { value: "detractor" as const, weight: shares.detractors },
  ]);
  const score = faker.helpers.weightedArrayElement(SCORE_WEIGHTS[drawn]);
  const category = categoryOf(score);
  const callbackConsent = category === "detractor" && contact.phone !== null && faker.datatype.boolean(CALLBACK_CONSENT_SHARE);
  return {
    id: random.id(),
    surveySendId: send.id,
    contactId: contact.id,
    storeId: send.storeId,
    channel: send.channel,
    score,
    category,
    comment: faker.datatype.boolean(COMMENT_SHARE[category]) ? faker.helpers.arrayElement(COMMENTS[contact.locale][category]) : null,
    callbackConsent,
    callbackPhone: callbackConsent ? contact.phone : null,
    locale: contact.locale,
    respondedAt,
    updatedAt: respondedAt,
  };
}

/** Quality −1 gives about 28% promoters and 44% detractors, +1 about 70% and 8%, 0 about 48% and 20%. */
export function categoryShares(quality: number) {
  const q = Math.max(-1.2, Math.min(1.2, quality));
  const promoters = 0.48 + 0.22 * q;
  const detractors = q >= 0 ? 0.2 - 0.12 * q : 0.2 - 0.24 * q;
  return { promoters, detractors, passives: 1 - promoters - detractors };
}

/** Send times over the history, in opening hours (08:00–20:00 UTC), oldest first. */
function sendTimes(random: DemoRandom, spec: TenantSpec, now: Date): Date[] {
  const { faker } = random;
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const times = Array.from({ length: spec.surveySends }, () => {
    const day = today - faker.number.int({ min: 0, max: spec.historyDays - 1 }) * DAY;
    const time = day + (8 * 60 + faker.number.int({ min: 0, max: 12 * 60 - 1 })) * MINUTE;
    return time > now.getTime() ? time - DAY : time;
  });
  return times.sort((a, b) => a - b).map((time) => new Date(time));
}

function pickContact(random: DemoRandom, contacts: ContactRow[], lastSentAt: Map<string, number>, sentAt: Date) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const contact = random.faker.helpers.arrayElement(contacts);
    const last = lastSentAt.get(contact.id);
    if (last === undefined || sentAt.getTime() - last >= MIN_DAYS_BETWEEN_SURVEYS * DAY) return contact;
  }
  return null;
}
