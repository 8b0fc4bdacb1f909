import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOG } from "@/lib/i18n/catalog";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** The arguments and rich-text tags a message uses, with the kind of each: what a translation must keep. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
      found.add(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    } else if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      placeholders(element.children, found);
    }
  }
  return found;
}

const english = flatten(CATALOG.en as unknown as Tree);

describe("the message catalog", () => {
  it("has every English key in every language, and no key English lacks", () => {
    for (const locale of LOCALES) {
      expect(Object.keys(flatten(CATALOG[locale] as unknown as Tree)).sort(), locale).toEqual(Object.keys(english).sort());
    }
  });

  it("keeps every placeholder, plural, select and tag of the English message in each translation", () => {
    for (const locale of LOCALES) {
      const messages = flatten(CATALOG[locale] as unknown as Tree);
      for (const [key, source] of Object.entries(english)) {
        const expected = [...placeholders(parse(source))].sort();
        expect([...placeholders(parse(messages[key]!))].sort(), `${locale}: ${key}`).toEqual(expected);
      }
    }
  });

  it("has no empty message and no English left in a translation where the words should differ", () => {
    for (const locale of LOCALES) {
      const messages = flatten(CATALOG[locale] as unknown as Tree);
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${locale}: ${key}`).not.toBe("");
    }
    // A few sentences that must never stay English; catches a file copied from en.json and never translated.
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      for (const key of ["queue.title", "followUp.closeSubmit", "dashboard.distribution", "emails.alert.detractorHeading", "forms.writeNote"]) {
        expect(flatten(CATALOG[locale] as unknown as Tree)[key], `${locale}: ${key}`).not.toBe(english[key]);
      }
    }
  });

  it("catches a translation that drops a placeholder", () => {
    const source = placeholders(parse("{count, plural, one {# call} other {# calls}} without answer, {name}"));
    const broken = placeholders(parse("{count, plural, one {# Anruf} other {# Anrufe}} ohne Antwort"));
    expect([...broken]).not.toEqual([...source]);
  });
});
