import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import { Line, StaffEmail, muted, paragraph, textPart } from "./staff-email-layout";
import { Text } from "@react-email/components";
import { renderEmailHtml } from "./render-html";

export type FollowUpAlertProps = {
  /** The second alert: what the customer wrote on the landing page after the first alert. */
  commentAdded?: boolean;
  category: "detractor" | "passive";
  score: number;
  place: string;
  contactName: string;
  contactEmail: string;
  phone: string | null;
  callbackConsent: boolean;
  comment: string | null;
  /** Already in the store's time zone, e.g. "Tue 24 Nov, 14:30". Null: no follow-up (a passive alert). */
  dueText: string | null;
  url: string;
};

function heading(props: FollowUpAlertProps) {
  if (props.commentAdded) return `${props.contactName} added ${props.callbackConsent ? "a call-back request" : "a comment"}`;
  return props.category === "detractor" ? "A detractor needs a call-back" : "A passive customer responded";
}

function AlertEmail(props: FollowUpAlertProps) {
  const colors = CATEGORY_COLORS[props.category];
  return (
    <StaffEmail
      preview={`${props.score}/10 from ${props.contactName} · ${props.place}`}
      heading={heading(props)}
      buttonLabel={props.dueText ? "Open the follow-up" : "Open the queue"}
      buttonUrl={props.url}
      accent={colors.mark}
    >
      <Text style={{ ...paragraph, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color: colors.mark }}>
        {props.score}/10
      </Text>
      <Line label="Where">{props.place}</Line>
      <Line label="Customer">
        {props.contactName} · {props.contactEmail}
      </Line>
      <Line label="Phone">{props.phone ?? "not given"}</Line>
      <Line label="Call-back">{props.callbackConsent ? "Yes, asked to be called back" : "Not asked (yet)"}</Line>
      {props.dueText && <Line label="Call back by">{props.dueText}</Line>}
      <Text style={{ ...paragraph, margin: "12px 0", padding: "10px 12px", background: "#f3f4f6", borderRadius: "4px" }}>
        {props.comment ?? "No comment yet: the customer may still be writing it; it appears on the follow-up."}
      </Text>
      <Text style={muted}>A phone call within the hour beats any email.</Text>
    </StaffEmail>
  );
}

export async function renderFollowUpAlertEmail(props: FollowUpAlertProps) {
  const subject = `${props.commentAdded ? "Comment · " : ""}${props.category === "detractor" ? "Detractor" : "Passive"} ${props.score}/10 · ${props.place}${props.dueText ? ` · call back by ${props.dueText}` : ""}`;
  const html = renderEmailHtml(<AlertEmail {...props} />);
  const text = textPart(
    heading(props),
    [
      `Score: ${props.score}/10`,
      `Where: ${props.place}`,
      `Customer: ${props.contactName} <${props.contactEmail}>`,
      `Phone: ${props.phone ?? "not given"}`,
      `Call-back: ${props.callbackConsent ? "yes, asked to be called back" : "not asked (yet)"}`,
      props.dueText ? `Call back by: ${props.dueText}` : null,
      `Comment: ${props.comment ?? "none yet"}`,
    ],
    props.dueText ? "Open the follow-up" : "Open the queue",
    props.url,
  );
  return { subject, html, text };
}
