import { Text } from "@react-email/components";
import { Line, StaffEmail, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type EscalationProps = {
  score: number;
  place: string;
  region: string | null;
  contactName: string;
  /** "3 hours ago" style, from the escalation's clock. */
  overdueFor: string;
  dueText: string;
  assignee: string | null;
  callAttempts: number;
  comment: string | null;
  url: string;
};

const HEADING = "A follow-up is overdue";

function EscalationEmail(props: EscalationProps) {
  return (
    <StaffEmail preview={`${props.place}: ${props.contactName} is still waiting for a call-back`} heading={HEADING} buttonLabel="Open the follow-up" buttonUrl={props.url} accent="#b42318">
      <Text style={paragraph}>
        {props.contactName} scored {props.score}/10 at {props.place} and has not been reached. It was due {props.dueText} ({props.overdueFor}).
      </Text>
      {props.region && <Line label="Region">{props.region}</Line>}
      <Line label="Assigned to">{props.assignee ?? "nobody"}</Line>
      <Line label="Call attempts">{String(props.callAttempts)}</Line>
      <Line label="Comment">{props.comment ?? "none"}</Line>
    </StaffEmail>
  );
}

export async function renderEscalationEmail(props: EscalationProps) {
  const subject = `Overdue call-back: ${props.contactName} (${props.score}/10) at ${props.place}`;
  const html = renderEmailHtml(<EscalationEmail {...props} />);
  const text = textPart(
    HEADING,
    [
      `${props.contactName} scored ${props.score}/10 at ${props.place} and has not been reached.`,
      `Due: ${props.dueText} (${props.overdueFor})`,
      props.region ? `Region: ${props.region}` : null,
      `Assigned to: ${props.assignee ?? "nobody"}`,
      `Call attempts: ${props.callAttempts}`,
      `Comment: ${props.comment ?? "none"}`,
    ],
    "Open the follow-up",
    props.url,
  );
  return { subject, html, text };
}
