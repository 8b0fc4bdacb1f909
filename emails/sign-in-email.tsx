import { MAGIC_LINK_MINUTES } from "@/lib/auth/magic-link";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import { renderEmailHtml } from "./render-html";

type SignInEmailProps = { locale: Locale; url: string; host: string };

const FONT_FAMILY = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const paragraph = { color: "#1a1a1a", fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" };
const note = { color: "#6b7280", fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" };

const wordsFor = (locale: Locale) => {
  const t = translator(locale, "emails");
  return {
    t,
    subject: t("signIn.subject"),
    expiry: t("signIn.expiry", { minutes: MAGIC_LINK_MINUTES }),
    ignore: t("signIn.ignore"),
  };
};

function SignInEmail({ locale, url, host }: SignInEmailProps) {
  const { t, subject, expiry, ignore } = wordsFor(locale);
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{subject}</Preview>
      <Body style={{ margin: 0, padding: "16px 0", backgroundColor: "#f3f4f6", fontFamily: FONT_FAMILY }}>
        <Container style={{ maxWidth: "480px", backgroundColor: "#ffffff", borderRadius: "6px", padding: "24px" }}>
          <Text style={{ ...paragraph, fontSize: "20px", lineHeight: "28px", fontWeight: 700 }}>{subject}</Text>
          <Text style={paragraph}>{t("signIn.body", { host })}</Text>
          <Section style={{ margin: "8px 0 24px", textAlign: "center" }}>
            <Button
              href={url}
              style={{
                backgroundColor: "#1f4e79",
                color: "#ffffff",
                fontSize: "15px",
                fontWeight: 700,
                padding: "12px 24px",
                borderRadius: "4px",
                textDecoration: "none",
              }}
            >
              {t("signIn.button")}
            </Button>
          </Section>
          <Text style={note}>{expiry}</Text>
          <Text style={note}>{ignore}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderSignInEmail(
  props: SignInEmailProps,
): Promise<{ subject: string; html: string; text: string }> {
  const { t, subject, expiry, ignore } = wordsFor(props.locale);
  const html = renderEmailHtml(<SignInEmail {...props} />);
  const text = [t("signIn.textIntro", { host: props.host }), "", props.url, "", expiry, ignore, ""].join("\n");
  return { subject, html, text };
}
