import { Text } from "@react-email/components";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import { Line, StaffEmail, muted, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type FollowUpAlertProps = {
  /** The recipient's language (lib/alerts/recipients.ts). */
  locale: Locale;
  /** The second alert: what the customer wrote on the landing page after the first alert. */
  commentAdded?: boolean;
  category: "detractor" | "passive";
  score: number;
  /** The store's name, or null for an online response. */
  place: string | null;
  contactName: string;
  contactEmail: string;
  phone: string | null;
  callbackConsent: boolean;
  comment: string | null;
  /** Already in the store's time zone, e.g. "Tue 24 Nov, 14:30". Null: no follow-up (a passive alert). */
  dueText: string | null;
  url: string;
};

function wordsFor(props: FollowUpAlertProps) {
  const t = translator(props.locale, "emails");
  const place = props.place ?? translator(props.locale, "common")("online");
  const heading = props.commentAdded
    ? t("alert.commentAdded", { name: props.contactName, consent: props.callbackConsent ? "yes" : "no" })
    : t(props.category === "detractor" ? "alert.detractorHeading" : "alert.passiveHeading");
  const button = t(props.dueText ? "alert.openFollowUp" : "alert.openQueue");
  return { t, place, heading, button };
}

function AlertEmail(props: FollowUpAlertProps) {
  const { t, place, heading, button } = wordsFor(props);
  const colors = CATEGORY_COLORS[props.category];
  return (
    <StaffEmail
      locale={props.locale}
      preview={t("alert.preview", { score: props.score, name: props.contactName, place })}
      heading={heading}
      buttonLabel={button}
      buttonUrl={props.url}
      accent={colors.mark}
    >
      <Text style={{ ...paragraph, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color: colors.mark }}>
        {props.score}/10
      </Text>
      <Line label={t("lines.where")}>{place}</Line>
      <Line label={t("lines.customer")}>
        {props.contactName} · {props.contactEmail}
      </Line>
      <Line label={t("lines.phone")}>{props.phone ?? t("alert.notGiven")}</Line>
      <Line label={t("lines.callBack")}>{t(props.callbackConsent ? "alert.askedCallBack" : "alert.notAsked")}</Line>
      {props.dueText && <Line label={t("lines.callBackBy")}>{props.dueText}</Line>}
      <Text style={{ ...paragraph, margin: "12px 0", padding: "10px 12px", background: "#f3f4f6", borderRadius: "4px" }}>
        {props.comment ?? t("alert.noCommentYet")}
      </Text>
      <Text style={muted}>{t("alert.callTip")}</Text>
    </StaffEmail>
  );
}

export async function renderFollowUpAlertEmail(props: FollowUpAlertProps) {
  const { t, place, heading, button } = wordsFor(props);
  const subjectValues = { commentAdded: props.commentAdded ? "yes" : "no", category: props.category, score: props.score, place };
  const subject = props.dueText ? t("alert.subjectDue", { ...subjectValues, due: props.dueText }) : t("alert.subject", subjectValues);
  const html = renderEmailHtml(<AlertEmail {...props} />);
  const text = textPart(
    heading,
    [
      `${t("lines.score")}: ${props.score}/10`,
      `${t("lines.where")}: ${place}`,
      `${t("lines.customer")}: ${props.contactName} <${props.contactEmail}>`,
      `${t("lines.phone")}: ${props.phone ?? t("alert.notGiven")}`,
      `${t("lines.callBack")}: ${t(props.callbackConsent ? "alert.textAskedCallBack" : "alert.textNotAsked")}`,
      props.dueText ? `${t("lines.callBackBy")}: ${props.dueText}` : null,
      `${t("lines.comment")}: ${props.comment ?? t("alert.textNoneYet")}`,
    ],
    button,
    props.url,
  );
  return { subject, html, text };
}
