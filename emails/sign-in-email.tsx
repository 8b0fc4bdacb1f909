import { MAGIC_LINK_MINUTES } from "@/lib/auth/magic-link";
import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import { renderEmailHtml } from "./render-html";

type SignInEmailProps = { url: string; host: string };

const SUBJECT = "Sign in to NPS Loop";
const EXPIRY_NOTE = `This link expires in ${MAGIC_LINK_MINUTES} minutes and can be used once.`;
const IGNORE_NOTE = "If you did not request this email you can ignore it.";
const FONT_FAMILY = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const paragraph = { color: "#1a1a1a", fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" };
const note = { color: "#6b7280", fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" };

function SignInEmail({ url, host }: SignInEmailProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{SUBJECT}</Preview>
      <Body style={{ margin: 0, padding: "16px 0", backgroundColor: "#f3f4f6", fontFamily: FONT_FAMILY }}>
        <Container style={{ maxWidth: "480px", backgroundColor: "#ffffff", borderRadius: "6px", padding: "24px" }}>
          <Text style={{ ...paragraph, fontSize: "20px", lineHeight: "28px", fontWeight: 700 }}>{SUBJECT}</Text>
          <Text style={paragraph}>Click the button to sign in to {host}.</Text>
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
              Sign in
            </Button>
          </Section>
          <Text style={note}>{EXPIRY_NOTE}</Text>
          <Text style={note}>{IGNORE_NOTE}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderSignInEmail(
  props: SignInEmailProps,
): Promise<{ subject: string; html: string; text: string }> {
  const html = renderEmailHtml(<SignInEmail {...props} />);
  const text = [`Sign in to ${props.host} with this link:`, "", props.url, "", EXPIRY_NOTE, IGNORE_NOTE, ""].join("\n");
  return { subject: SUBJECT, html, text };
}
