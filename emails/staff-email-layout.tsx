import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";

// The frame of the emails staff get (alerts, escalations, digests): one column, a heading, one button.
const FONT_FAMILY = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
export const paragraph = { color: "#1a1a1a", fontSize: "15px", lineHeight: "22px", margin: "0 0 12px" };
export const muted = { color: "#6b7280", fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" };

export function StaffEmail(props: {
  locale: Locale;
  preview: string;
  heading: string;
  buttonLabel: string;
  buttonUrl: string;
  accent?: string;
  children: ReactNode;
}) {
  const accent = props.accent ?? "#1f4e79";
  return (
    <Html lang={props.locale} dir="ltr">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ margin: 0, padding: "16px 0", backgroundColor: "#f3f4f6", fontFamily: FONT_FAMILY }}>
        <Container style={{ maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "6px", padding: "24px", borderTop: `4px solid ${accent}` }}>
          <Text style={{ ...paragraph, fontSize: "20px", lineHeight: "28px", fontWeight: 700 }}>{props.heading}</Text>
          {props.children}
          <Section style={{ margin: "20px 0 8px" }}>
            <Button
              href={props.buttonUrl}
              style={{ backgroundColor: accent, color: "#ffffff", fontSize: "15px", fontWeight: 700, padding: "12px 22px", borderRadius: "4px", textDecoration: "none" }}
            >
              {props.buttonLabel}
            </Button>
          </Section>
          <Text style={muted}>{translator(props.locale, "emails")("footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A label and value line, as in "Phone: +49 30 1234567". */
export function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={{ ...paragraph, margin: "0 0 6px" }}>
      <span style={{ color: "#6b7280" }}>{label}:</span> {children}
    </Text>
  );
}

/** The plain-text part: title, lines, link. */
export function textPart(heading: string, lines: (string | null)[], linkLabel: string, url: string): string {
  return [heading, "", ...lines.filter((line) => line !== null), "", `${linkLabel}: ${url}`, ""].join("\n");
}
