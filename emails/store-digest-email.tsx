import { Column, Row, Section, Text } from "@react-email/components";
import type { StoreDigest, WeekFigure } from "@/lib/digests/store-digest";
import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import { Line, StaffEmail, muted, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type StoreDigestEmailProps = { digest: StoreDigest; printableUrl: string };

const npsText = (figure: WeekFigure) =>
  figure.summary.nps === null
    ? `no responses`
    : `NPS ${Math.round(figure.summary.nps)}${figure.summary.marginOfError === null ? "" : ` ±${Math.round(figure.summary.marginOfError)}`} (n = ${figure.summary.responses})`;

const hoursText = (hours: number | null) => (hours === null ? "no contacts this week" : hours < 1 ? `${Math.round(hours * 60)} min` : `${hours.toFixed(1)} h`);

function DigestEmail({ digest, printableUrl }: StoreDigestEmailProps) {
  const { followUps } = digest;
  return (
    <StaffEmail preview={`${digest.store.name}: ${npsText(digest.thisWeek)}`} heading={`${digest.store.name}: week of ${digest.thisWeek.weekKey}`} buttonLabel="Printable version" buttonUrl={printableUrl}>
      <Text style={{ ...paragraph, fontSize: "22px", fontWeight: 700 }}>{npsText(digest.thisWeek)}</Text>
      <Text style={muted}>Previous 4 weeks</Text>
      {digest.previousWeeks.map((week) => (
        <Line key={week.weekKey} label={`Week of ${week.weekKey}`}>
          {npsText(week)}
        </Line>
      ))}
      <Text style={{ ...paragraph, marginTop: "16px", fontWeight: 700 }}>Call-backs</Text>
      <Line label="Opened">{String(followUps.opened)}</Line>
      <Line label="Closed (resolved)">{`${followUps.closed} (${followUps.resolved})`}</Line>
      <Line label="Overdue now">{String(followUps.overdueNow)}</Line>
      <Line label="Median time to first contact">{hoursText(followUps.medianHoursToFirstContact)}</Line>
      <Text style={{ ...paragraph, marginTop: "16px", fontWeight: 700 }}>What customers said ({digest.comments.length})</Text>
      {digest.comments.length === 0 && <Text style={muted}>No comments this week.</Text>}
      {digest.comments.map((comment) => (
        <Section key={comment.id} style={{ marginBottom: "8px" }}>
          <Row>
            <Column style={{ width: "36px", verticalAlign: "top" }}>
              <Text style={{ margin: 0, width: "28px", textAlign: "center", borderRadius: "4px", fontWeight: 700, color: CATEGORY_COLORS[comment.category as keyof typeof CATEGORY_COLORS].text, backgroundColor: CATEGORY_COLORS[comment.category as keyof typeof CATEGORY_COLORS].background }}>
                {comment.score}
              </Text>
            </Column>
            <Column>
              <Text style={{ ...paragraph, margin: 0 }}>{comment.comment}</Text>
            </Column>
          </Row>
        </Section>
      ))}
    </StaffEmail>
  );
}

export async function renderStoreDigestEmail(props: StoreDigestEmailProps) {
  const { digest } = props;
  const subject = `Weekly NPS for ${digest.store.name}: ${npsText(digest.thisWeek)}`;
  const html = renderEmailHtml(<DigestEmail {...props} />);
  const text = textPart(
    `${digest.store.name}: week of ${digest.thisWeek.weekKey}`,
    [
      `This week: ${npsText(digest.thisWeek)}`,
      ...digest.previousWeeks.map((week) => `Week of ${week.weekKey}: ${npsText(week)}`),
      "",
      `Call-backs opened ${digest.followUps.opened}, closed ${digest.followUps.closed} (resolved ${digest.followUps.resolved}), overdue now ${digest.followUps.overdueNow}, median time to first contact ${hoursText(digest.followUps.medianHoursToFirstContact)}`,
      "",
      `What customers said (${digest.comments.length}):`,
      ...digest.comments.map((comment) => `[${comment.score}] ${comment.comment}`),
    ],
    "Printable version",
    props.printableUrl,
  );
  return { subject, html, text };
}
