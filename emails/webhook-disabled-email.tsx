import { Text } from "@react-email/components";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { Line, StaffEmail, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type WebhookDisabledProps = { locale: Locale; endpointUrl: string; failingSince: string; lastError: string; url: string };

function WebhookDisabledEmail(props: WebhookDisabledProps) {
  const t = translator(props.locale, "emails");
  return (
    <StaffEmail
      locale={props.locale}
      preview={t("webhook.preview", { endpoint: props.endpointUrl })}
      heading={t("webhook.heading")}
      buttonLabel={t("webhook.button")}
      buttonUrl={props.url}
      accent="#b42318"
    >
      <Text style={paragraph}>{t("webhook.body", { since: props.failingSince })}</Text>
      <Line label={t("webhook.endpoint")}>{props.endpointUrl}</Line>
      <Line label={t("webhook.lastError")}>{props.lastError}</Line>
    </StaffEmail>
  );
}

export async function renderWebhookDisabledEmail(props: WebhookDisabledProps) {
  const t = translator(props.locale, "emails");
  const html = renderEmailHtml(<WebhookDisabledEmail {...props} />);
  const text = textPart(
    t("webhook.heading"),
    [t("webhook.textBody", { endpoint: props.endpointUrl, since: props.failingSince }), `${t("webhook.lastError")}: ${props.lastError}`],
    t("webhook.button"),
    props.url,
  );
  return { subject: t("webhook.subject", { endpoint: props.endpointUrl }), html, text };
}
