import { Text } from "@react-email/components";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { Line, StaffEmail, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type EscalationProps = {
  /** The recipient's language (lib/alerts/recipients.ts). */
  locale: Locale;
  score: number;
  /** The store's name, or null for an online response. */
  place: string | null;
  region: string | null;
  contactName: string;
  /** "3 hours ago" style, from the escalation's clock, in the recipient's language. */
  overdueFor: string;
  dueText: string;
  assignee: string | null;
  callAttempts: number;
  comment: string | null;
  url: string;
};

function wordsFor(props: EscalationProps) {
  const t = translator(props.locale, "emails");
  const place = props.place ?? translator(props.locale, "common")("online");
  const values = { name: props.contactName, score: props.score, place };
  return { t, place, values };
}

function EscalationEmail(props: EscalationProps) {
  const { t, place, values } = wordsFor(props);
  return (
    <StaffEmail
      locale={props.locale}
      preview={t("escalation.preview", { place, name: props.contactName })}
      heading={t("escalation.heading")}
      buttonLabel={t("alert.openFollowUp")}
      buttonUrl={props.url}
      accent="#b42318"
    >
      <Text style={paragraph}>{t("escalation.body", { ...values, due: props.dueText, overdueFor: props.overdueFor })}</Text>
      {props.region && <Line label={t("lines.region")}>{props.region}</Line>}
      <Line label={t("lines.assignedTo")}>{props.assignee ?? t("escalation.nobody")}</Line>
      <Line label={t("lines.callAttempts")}>{String(props.callAttempts)}</Line>
      <Line label={t("lines.comment")}>{props.comment ?? t("escalation.none")}</Line>
    </StaffEmail>
  );
}

export async function renderEscalationEmail(props: EscalationProps) {
  const { t, values } = wordsFor(props);
  const subject = t("escalation.subject", values);
  const html = renderEmailHtml(<EscalationEmail {...props} />);
  const text = textPart(
    t("escalation.heading"),
    [
      t("escalation.textBody", values),
      `${t("lines.due")}: ${props.dueText} (${props.overdueFor})`,
      props.region ? `${t("lines.region")}: ${props.region}` : null,
      `${t("lines.assignedTo")}: ${props.assignee ?? t("escalation.nobody")}`,
      `${t("lines.callAttempts")}: ${props.callAttempts}`,
      `${t("lines.comment")}: ${props.comment ?? t("escalation.none")}`,
    ],
    t("alert.openFollowUp"),
    props.url,
  );
  return { subject, html, text };
}
