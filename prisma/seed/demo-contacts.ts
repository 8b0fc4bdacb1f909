import { subDays, subMinutes } from "date-fns";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { DemoStore, TenantSpec } from "./demo-tenants";
import type { DemoRandom } from "./demo-random";

export type ContactRow = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: Locale;
  storeId: string;
  createdAt: Date;
  segment: string | null;
};

const PHONE_SHARE = 0.92;
// Contacts came in from the tenant's loyalty programme before the first survey went out.
const IMPORT_SPREAD_DAYS = 60;

export function buildContacts(random: DemoRandom, spec: TenantSpec, stores: DemoStore[], now: Date): ContactRow[] {
  const { faker } = random;
  const localeWeights = LOCALES.filter((locale) => spec.localeShares[locale] > 0).map((locale) => ({
    value: locale,
    weight: spec.localeShares[locale],
  }));
  const programmeStart = subDays(now, spec.historyDays);

  return Array.from({ length: spec.contacts }, (_, index) => {
    const locale = faker.helpers.weightedArrayElement(localeWeights);
    const person = random.people[locale];
    const firstName = person.person.firstName();
    const lastName = person.person.lastName();
    return {
      id: random.id(),
      email: `${emailPart(firstName)}.${emailPart(lastName)}.${index + 1}@example.com`,
      name: `${firstName} ${lastName}`,
      phone: faker.datatype.boolean(PHONE_SHARE) ? person.phone.number({ style: "international" }) : null,
      locale,
      storeId: homeStore(random, spec, stores, locale).id,
      createdAt: subMinutes(programmeStart, faker.number.int({ min: 60, max: IMPORT_SPREAD_DAYS * 24 * 60 })),
      segment: loyaltyTier(index),
    };
  });
}

function homeStore(random: DemoRandom, spec: TenantSpec, stores: DemoStore[], locale: Locale): DemoStore {
  const local = stores.filter((store) => store.locale === locale);
  const shopsLocally = local.length > 0 && random.faker.datatype.boolean(spec.localShopperShare[locale]);
  return random.faker.helpers.arrayElement(shopsLocally ? local : stores);
}

// "Łukasz Wójcik" → "lukasz", "wojcik": email addresses stay plain ASCII.
function emailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z]/g, "") || "customer";
}

// Loyalty tiers for the segment views: a third of the customers are not in the programme, few are Platinum. Drawn
// from the contact's number, not from faker, so that adding them left every other generated value unchanged.
const TIERS: [string | null, number][] = [[null, 35], ["Basic", 30], ["Silver", 20], ["Gold", 10], ["Platinum", 5]];

function loyaltyTier(index: number): string | null {
  let roll = Math.imul(index + 1, 2_654_435_761) >>> 0;
  roll %= 100;
  for (const [tier, share] of TIERS) {
    if (roll < share) return tier;
    roll -= share;
  }
  return null;
}
