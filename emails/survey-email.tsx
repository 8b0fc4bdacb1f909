import { Body, Column, Container, Head, Html, Link, Preview, Row, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { scoreColor } from "@/lib/responses/category-colors";
import { textColorOn } from "@/lib/surveys/brand-color";
import { renderEmailHtml } from "./render-html";

export type SurveyEmailProps = {
  brand: string;
  brandColor: string;
  locale: Locale;
  /** Already has the brand substituted. */
  question: string;
  greetingName: string | null;
  /** Exactly 11 URLs; the index is the score 0..10. */
  scoreUrls: string[];
  unsubscribeUrl: string;
  /** A line before the question, e.g. the re-survey's reminder of the earlier answer. */
  intro?: string;
};

const GREETINGS: Record<Locale, { named: (name: string) => string; anonymous: string }> = {
  en: { named: (name) => `Hi ${name},`, anonymous: "Hello," },
  de: { named: (name) => `Hallo ${name},`, anonymous: "Hallo," },
  nl: { named: (name) => `Hallo ${name},`, anonymous: "Hallo," },
  pl: { named: (name) => `Dzień dobry, ${name},`, anonymous: "Dzień dobry," },
  fr: { named: (name) => `Bonjour ${name},`, anonymous: "Bonjour," },
};

const FALLBACK_BRAND_COLOR = "#1f4e79";
const FONT_FAMILY = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

// The brand colour is tenant input that ends up inside a style attribute: only a plain hex colour gets through.
function safeBrandColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : FALLBACK_BRAND_COLOR;
}

function greeting(locale: Locale, name: string | null): string {
  const trimmed = name?.trim();
  return trimmed ? GREETINGS[locale].named(trimmed) : GREETINGS[locale].anonymous;
}

function assertElevenScores(scoreUrls: string[]) {
  if (scoreUrls.length !== 11) throw new Error(`A survey email needs 11 score URLs, got ${scoreUrls.length}`);
}

export function SurveyEmail(props: SurveyEmailProps) {
  const messages = MESSAGES[props.locale];
  const brandColor = safeBrandColor(props.brandColor);
  const headerText = textColorOn(brandColor);

  return (
    <Html lang={props.locale} dir="ltr">
      <Head />
      <Preview>{props.question}</Preview>
      <Body style={{ margin: 0, padding: "16px 0", backgroundColor: "#f3f4f6", fontFamily: FONT_FAMILY }}>
        <Container style={{ maxWidth: "600px", backgroundColor: "#ffffff", borderRadius: "6px" }}>
          <Section
            bgcolor={brandColor}
            style={{ backgroundColor: brandColor, borderRadius: "6px 6px 0 0", padding: "14px 16px" }}
          >
            <Text style={{ margin: 0, color: headerText, fontSize: "18px", lineHeight: "24px", fontWeight: 700 }}>
              {props.brand}
            </Text>
          </Section>
          <Section style={{ padding: "20px 12px 8px" }}>
            <Text style={{ margin: "0 4px 12px", color: "#1a1a1a", fontSize: "16px", lineHeight: "24px" }}>
              {greeting(props.locale, props.greetingName)}
            </Text>
            {props.intro && (
              <Text style={{ margin: "0 4px 12px", color: "#1a1a1a", fontSize: "16px", lineHeight: "24px" }}>{props.intro}</Text>
            )}
            <Text
              style={{ margin: "0 4px 20px", color: "#1a1a1a", fontSize: "22px", lineHeight: "30px", fontWeight: 700 }}
            >
              {props.question}
            </Text>
            <ScoreScale scoreUrls={props.scoreUrls} nameOf={messages.scoreOutOfTen} />
            <Row>
              <Column align="left" style={{ width: "50%", padding: "6px 2px 0", verticalAlign: "top" }}>
                <Text style={{ margin: 0, color: "#555555", fontSize: "12px", lineHeight: "16px" }}>
                  {messages.notLikely}
                </Text>
              </Column>
              <Column align="right" style={{ width: "50%", padding: "6px 2px 0", verticalAlign: "top" }}>
                <Text style={{ margin: 0, color: "#555555", fontSize: "12px", lineHeight: "16px", textAlign: "right" }}>
                  {messages.veryLikely}
                </Text>
              </Column>
            </Row>
            <Text style={{ margin: "24px 4px 0", color: "#555555", fontSize: "14px", lineHeight: "20px" }}>
              {messages.emailFooter}
            </Text>
          </Section>
          <Section style={{ padding: "16px 16px 20px", borderTop: "1px solid #e5e7eb" }}>
            <Text style={{ margin: 0, fontSize: "12px", lineHeight: "18px", textAlign: "center" }}>
              <Link href={props.unsubscribeUrl} style={{ color: "#6b7280", textDecoration: "underline" }}>
                {messages.unsubscribe}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

// Eleven table cells, each holding a block link, so one tap records the score without JavaScript.
// Percentage widths and 2px spacing keep all eleven on a 320px screen.
function ScoreScale({ scoreUrls, nameOf }: { scoreUrls: string[]; nameOf: (score: number) => string }) {
  return (
    <Row cellSpacing="2" style={{ tableLayout: "fixed" }}>
      {scoreUrls.map((url, score) => {
        const colors = scoreColor(score);
        return (
          <Column
            key={score}
            align="center"
            width="9%"
            style={{ backgroundColor: colors.background, borderRadius: "4px", padding: 0 }}
          >
            <Link
              href={url}
              aria-label={nameOf(score)}
              style={{
                display: "block",
                color: colors.text,
                fontSize: "16px",
                lineHeight: "44px",
                fontWeight: 700,
                textAlign: "center",
                textDecoration: "none",
              }}
            >
              {score}
            </Link>
          </Column>
        );
      })}
    </Row>
  );
}

function surveyText(props: SurveyEmailProps): string {
  const messages = MESSAGES[props.locale];
  const scoreLines = props.scoreUrls.map((url, score) => {
    const label = score === 0 ? messages.notLikely : score === 10 ? messages.veryLikely : null;
    return label ? `${score} (${label}): ${url}` : `${score}: ${url}`;
  });
  return [
    props.brand,
    "",
    greeting(props.locale, props.greetingName),
    "",
    ...(props.intro ? [props.intro, ""] : []),
    props.question,
    "",
    messages.emailFooter,
    "",
    ...scoreLines,
    "",
    `${messages.unsubscribe}: ${props.unsubscribeUrl}`,
    "",
  ].join("\n");
}

export async function renderSurveyEmail(props: SurveyEmailProps): Promise<{ html: string; text: string }> {
  assertElevenScores(props.scoreUrls);
  const html = renderEmailHtml(<SurveyEmail {...props} />);
  return { html, text: surveyText(props) };
}
