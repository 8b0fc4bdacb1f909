import { Text } from "@react-email/components";
import { Line, StaffEmail, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type WebhookDisabledProps = { endpointUrl: string; failingSince: string; lastError: string; url: string };

const HEADING = "A webhook endpoint was switched off";

function WebhookDisabledEmail(props: WebhookDisabledProps) {
  return (
    <StaffEmail preview={`${props.endpointUrl} has failed for a day`} heading={HEADING} buttonLabel="Open the webhooks" buttonUrl={props.url} accent="#b42318">
      <Text style={paragraph}>
        Every delivery to this endpoint has failed since {props.failingSince}, so it gets no more events until you switch it on again.
      </Text>
      <Line label="Endpoint">{props.endpointUrl}</Line>
      <Line label="Last error">{props.lastError}</Line>
    </StaffEmail>
  );
}

export async function renderWebhookDisabledEmail(props: WebhookDisabledProps) {
  const html = renderEmailHtml(<WebhookDisabledEmail {...props} />);
  const text = textPart(
    HEADING,
    [`Every delivery to ${props.endpointUrl} has failed since ${props.failingSince}.`, `Last error: ${props.lastError}`],
    "Open the webhooks",
    props.url,
  );
  return { subject: `Webhook switched off: ${props.endpointUrl}`, html, text };
}
