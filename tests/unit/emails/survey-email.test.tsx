import { describe, expect, it } from "vitest";
import { hex as contrast } from "wcag-contrast";
import { renderSurveyEmail, type SurveyEmailProps } from "@/emails/survey-email";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { CATEGORY_COLORS } from "@/lib/responses/category-colors";

function surveyProps(overrides: Partial<SurveyEmailProps> = {}): SurveyEmailProps {
  return {
    brand: "Northwind Markets",
    brandColor: "#1f4e79",
    locale: "en",
    question: "How likely are you to recommend Northwind Markets to a friend or colleague?",
    greetingName: "Anna",
    scoreUrls: Array.from({ length: 11 }, (_, score) => `https://nps.example/s/tok_123/${score}?via=email&n=1`),
    unsubscribeUrl: "https://nps.example/s/tok_123/unsubscribe",
    ...overrides,
  };
}

function expectedBand(score: number) {
  const band = score <= 6 ? CATEGORY_COLORS.detractor : score <= 8 ? CATEGORY_COLORS.passive : CATEGORY_COLORS.promoter;
  return { background: band.background, text: band.text };
}

type ScoreCell = { score: number; href: string; background: string; textColor: string; name: string };

function scoreCells(html: string): ScoreCell[] {
  const td = String.raw`<td\b[^>]*\bstyle="background-color:(#[0-9a-f]{6})[^"]*"[^>]*>`;
  const link = String.raw`<a\b[^>]*\bhref="([^"]*)"[^>]*\bstyle="([^"]*)"[^>]*>(\d+)</a>`;
  const cell = new RegExp(String.raw`${td}\s*${link}\s*</td>`, "gi");
  return [...html.matchAll(cell)].map(([match, background, href, style, score]) => ({
    score: Number(score),
    href: href.replaceAll("&amp;", "&"),
    background: background.toLowerCase(),
    textColor: /(?:^|;)color:(#[0-9a-f]{6})/i.exec(style)?.[1]?.toLowerCase() ?? "",
    name: /\baria-label="([^"]*)"/.exec(match)?.[1] ?? "",
  }));
}

describe("survey email", () => {
  it("offers eleven score links from 0 to 10 in order, red for 0-6, amber for 7-8 and green for 9-10", async () => {
    const props = surveyProps();
    const { html } = await renderSurveyEmail(props);
    const cells = scoreCells(html);

    expect(cells.map((cell) => cell.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cells.map((cell) => cell.href)).toEqual(props.scoreUrls);
    for (const cell of cells) {
      expect({ score: cell.score, background: cell.background, text: cell.textColor }).toEqual({
        score: cell.score,
        ...expectedBand(cell.score),
      });
    }
    expect([cells[0], cells[7], cells[10]].map(({ background, textColor }) => [background, textColor])).toEqual([
      ["#c53030", "#ffffff"],
      ["#f0a202", "#1a1a1a"],
      ["#1e7a44", "#ffffff"],
    ]);
  });

  it("labels the scale, footer and unsubscribe link in the contact's language and declares it with lang", async () => {
    const { html } = await renderSurveyEmail(surveyProps({ locale: "de", greetingName: "Jonas" }));

    expect(html).toContain('lang="de"');
    expect(html).toContain("Überhaupt nicht wahrscheinlich");
    expect(html).toContain("Äußerst wahrscheinlich");
    expect(html).toContain("Klicken Sie auf eine Zahl: Ein Klick speichert Ihre Antwort.");
    expect(html).toMatch(/<a\b[^>]*href="[^"]*\/tok_123\/unsubscribe"[^>]*>Diese Umfragen abbestellen<\/a>/);
    expect(html).toContain("Hallo Jonas,");
    expect(html).not.toContain("Not at all likely");
  });

  it("shows the brand in a header bar of the brand colour and the question as the main text", async () => {
    const { html } = await renderSurveyEmail(surveyProps({ brandColor: "#7a1f5c" }));

    expect(html).toMatch(/bgcolor="#7a1f5c"[^>]*style="background-color:#7a1f5c[^"]*"[\s\S]*?Northwind Markets/);
    expect(html).toContain("How likely are you to recommend Northwind Markets to a friend or colleague?");
  });

  it("greets a contact without a name without leaving a gap", async () => {
    const { html, text } = await renderSurveyEmail(surveyProps({ greetingName: null }));

    expect(html).toContain("Hello,");
    expect(text).toContain("Hello,");
    expect(html).not.toContain("Hi ,");
  });

  it("works without JavaScript: no script tags and no stylesheet to rely on", async () => {
    const { html } = await renderSurveyEmail(surveyProps());

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\bon[a-z]+="/i);
  });

  it("has a hand-written plain-text part with every score URL, labels on 0 and 10, and the unsubscribe URL", async () => {
    const props = surveyProps({ locale: "de" });
    const { text } = await renderSurveyEmail(props);
    const lines = text.split("\n");

    expect(lines[0]).toBe("Northwind Markets");
    expect(text).toContain(props.question);
    expect(lines).toContain(`0 (Überhaupt nicht wahrscheinlich): ${props.scoreUrls[0]}`);
    for (let score = 1; score <= 9; score++) expect(lines).toContain(`${score}: ${props.scoreUrls[score]}`);
    expect(lines).toContain(`10 (Äußerst wahrscheinlich): ${props.scoreUrls[10]}`);
    expect(lines).toContain(`Diese Umfragen abbestellen: ${props.unsubscribeUrl}`);
    expect(text.indexOf(props.question)).toBeLessThan(text.indexOf(props.scoreUrls[0]));
  });

  it("is accessible in every language: lang, layout tables as presentation, each score named 'n out of 10'", async () => {
    for (const locale of LOCALES) {
      const { html } = await renderSurveyEmail(surveyProps({ locale }));
      expect(html).toMatch(new RegExp(`<html\\b[^>]*\\blang="${locale}"`));
      const tables = [...html.matchAll(/<table\b[^>]*>/g)].map(([tag]) => tag);
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect(table).toContain('role="presentation"');
      const names = scoreCells(html).map((cell) => cell.name);
      expect(names).toEqual(Array.from({ length: 11 }, (_, score) => MESSAGES[locale].scoreOutOfTen(score)));
      expect(names[7]).toContain("7");
      expect(names[7]).toContain("10");
    }
    expect(scoreCells((await renderSurveyEmail(surveyProps({ locale: "de" }))).html)[7].name).toBe("7 von 10");
  });

  it("gives every coloured button text that contrasts at least 4.5:1 with its colour (WCAG AA)", async () => {
    const { html } = await renderSurveyEmail(surveyProps());
    const cells = scoreCells(html);
    expect(cells).toHaveLength(11);
    for (const cell of cells) {
      expect({ score: cell.score, ratio: contrast(cell.textColor, cell.background) >= 4.5 }).toEqual({ score: cell.score, ratio: true });
    }
  });

  it("keeps a brand colour that is not a hex colour out of the styles", async () => {
    const brandColor = "red;background:url(https://evil.example)";
    const { html } = await renderSurveyEmail(surveyProps({ brandColor }));

    expect(html).not.toContain("evil.example");
  });

  it("refuses to render a scale without exactly eleven score URLs", async () => {
    const tooFew = surveyProps({ scoreUrls: ["https://nps.example/0"] });
    await expect(renderSurveyEmail(tooFew)).rejects.toThrow(/11 score URLs/);
  });
});
