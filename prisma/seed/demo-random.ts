import { base, de, en, en_GB, Faker, fr, nl, pl, type LocaleDefinition } from "@faker-js/faker";
import type { Locale } from "@/lib/i18n/locales";

const PEOPLE_LOCALES: Record<Locale, LocaleDefinition> = { en: en_GB, de, nl, pl, fr };

export type DemoRandom = {
  /** Drives every decision: which contact, which score, which comment, when. */
  faker: Faker;
  /** Names and phone numbers that fit the contact's language. */
  people: Record<Locale, Faker>;
  /** A cuid-shaped id, so rows can be linked before any of them is written. */
  id: () => string;
};

// Own Faker instances rather than the shared `faker`: seeding these cannot disturb (or be disturbed by) other
// code, so the same seed always yields the same demo.
export function demoRandom(seed: number): DemoRandom {
  const faker = new Faker({ locale: [en, base], seed });
  const people = Object.fromEntries(
    Object.entries(PEOPLE_LOCALES).map(([locale, definition], index) => [
      locale,
      new Faker({ locale: [definition, en, base], seed: seed * 10 + index + 1 }),
    ]),
  ) as Record<Locale, Faker>;
  return { faker, people, id: () => `c${faker.string.alphanumeric({ length: 24, casing: "lower" })}` };
}
