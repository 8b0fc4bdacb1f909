import { Column, Row, Section, Text } from "@react-email/components";
import type { StoreDigest, WeekFigure } from "@/lib/digests/store-digest";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import { Line, StaffEmail, muted, paragraph, textPart } from "./staff-email-layout";
import { renderEmailHtml } from "./render-html";

export type StoreDigestEmailProps = { locale: Locale; digest: StoreDigest; printableUrl: string };

type T = ReturnType<typeof translator<"emails">>;

const npsText = (t: T, figure: WeekFigure) =>
  figure.summary.nps === null
    ? t("digest.noResponses")
    : t("digest.nps", {
        nps: Math.round(figure.summary.nps),
        margin: figure.summary.marginOfError === null ? "" : ` ±${Math.round(figure.summary.marginOfError)}`,
        n: figure.summary.responses,
      });

const hoursText = (t: T, hours: number | null) =>
  hours === null ? t("digest.noContacts") : hours < 1 ? `${Math.round(hours * 60)} min` : `${hours.toFixed(1)} h`;

function DigestEmail({ locale, digest, printableUrl }: StoreDigestEmailProps) {
  const t = translator(locale, "emails");
  const { followUps } = digest;
  return (
    <StaffEmail
      locale={locale}
      preview={`${digest.store.name}: ${npsText(t, digest.thisWeek)}`}
      heading={t("digest.heading", { store: digest.store.name, week: digest.thisWeek.weekKey })}
      buttonLabel={t("digest.button")}
      buttonUrl={printableUrl}
    >
      <Text style={{ ...paragraph, fontSize: "22px", fontWeight: 700 }}>{npsText(t, digest.thisWeek)}</Text>
      <Text style={muted}>{t("digest.previousWeeks")}</Text>
      {digest.previousWeeks.map((week) => (
        <Line key={week.weekKey} label={t("digest.weekOf", { week: week.weekKey })}>
          {npsText(t, week)}
        </Line>
      ))}
      <Text style={{ ...paragraph, marginTop: "16px", fontWeight: 700 }}>{t("digest.callBacks")}</Text>
      <Line label={t("digest.opened")}>{String(followUps.opened)}</Line>
      <Line label={t("digest.closed")}>{`${followUps.closed} (${followUps.resolved})`}</Line>
      <Line label={t("digest.overdueNow")}>{String(followUps.overdueNow)}</Line>
      <Line label={t("digest.medianFirstContact")}>{hoursText(t, followUps.medianHoursToFirstContact)}</Line>
      <Text style={{ ...paragraph, marginTop: "16px", fontWeight: 700 }}>{t("digest.comments", { count: digest.comments.length })}</Text>
      {digest.comments.length === 0 && <Text style={muted}>{t("digest.noComments")}</Text>}
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
  const t = translator(props.locale, "emails");
  const subject = t("digest.subject", { store: digest.store.name, nps: npsText(t, digest.thisWeek) });
  const html = renderEmailHtml(<DigestEmail {...props} />);
  const text = textPart(
    t("digest.heading", { store: digest.store.name, week: digest.thisWeek.weekKey }),
    [
      t("digest.thisWeek", { nps: npsText(t, digest.thisWeek) }),
      ...digest.previousWeeks.map((week) => `${t("digest.weekOf", { week: week.weekKey })}: ${npsText(t, week)}`),
      "",
      t("digest.textCallBacks", {
        opened: digest.followUps.opened,
        closed: digest.followUps.closed,
        resolved: digest.followUps.resolved,
        overdue: digest.followUps.overdueNow,
        median: hoursText(t, digest.followUps.medianHoursToFirstContact),
      }),
      "",
      `${t("digest.comments", { count: digest.comments.length })}:`,
      ...digest.comments.map((comment) => `[${comment.score}] ${comment.comment}`),
    ],
    t("digest.button"),
    props.printableUrl,
  );
  return { subject, html, text };
}
