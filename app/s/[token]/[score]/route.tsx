import { MessagePage } from "@/components/survey-pages/message-page";
import { ScoreButtons } from "@/components/survey-pages/score-buttons";
import { htmlResponse } from "@/lib/http/html-response";
import { withRequestLog, type RequestLogFields } from "@/lib/logging/request-log";
import { metrics } from "@/lib/metrics/metrics";
import { MESSAGES } from "@/lib/i18n/messages";
import { getClickLink, type ClickLink } from "@/lib/responses/click-link";
import { categoryOf } from "@/lib/responses/nps";
import { recordClick, recordScore } from "@/lib/responses/record-score";
import { scoreParamSchema } from "@/lib/responses/schemas";
import { landingUrl, scoreUrl } from "@/lib/sending/survey-links";
import { brandingOf, localeOf, withSurveyLink } from "../pages";

type Context = { params: Promise<{ token: string; score: string }> };

/**
 * The one click from the email: records (or changes) the score, then shows the page that fits it. What looks like
 * a mail scanner rather than a person is held: a request from a non-browser is asked to confirm, a burst of
 * different scores on one email is asked which one was meant.
 */
export async function GET(request: Request, { params }: Context) {
  const { token, score } = await params;
  return withRequestLog(request, "score click", (fields) =>
    withSurveyLink(request, token, async () => {
      const link = await getClickLink(token);
      Object.assign(fields, { organizationId: link.organizationId, surveySendId: link.id });
      const parsed = scoreParamSchema.safeParse(score);
      if (!parsed.success) return badScorePage(link);
      const verdict = await recordClick(link, parsed.data, request.headers);
      counted(fields, parsed.data, verdict);
      if (verdict === "held_agent") return confirmPage(link, [parsed.data]);
      if (verdict === "held_burst") return confirmPage(link);
      return Response.redirect(landingUrl(token), 303);
    }),
    observeClick,
  );
}

/** The confirmation a held click asks for: a person presses a button; scanners never submit forms. */
export async function POST(request: Request, { params }: Context) {
  const { token, score } = await params;
  return withRequestLog(request, "score confirmed", (fields) =>
    withSurveyLink(request, token, async () => {
      const link = await getClickLink(token);
      Object.assign(fields, { organizationId: link.organizationId, surveySendId: link.id });
      const parsed = scoreParamSchema.safeParse(score);
      if (!parsed.success) return badScorePage(link);
      await recordScore(link, parsed.data);
      counted(fields, parsed.data, "recorded");
      return Response.redirect(landingUrl(token), 303);
    }),
    observeClick,
  );
}

/** The click's score and verdict in its log line; a recorded score counts in its category. */
function counted(fields: RequestLogFields, score: number, verdict: string) {
  Object.assign(fields, { score, verdict });
  if (verdict === "recorded") metrics().responses.inc({ category: categoryOf(score) });
}

function observeClick(status: number, seconds: number) {
  metrics().clickSeconds.observe({ status: String(status) }, seconds);
}

function badScorePage(link: ClickLink) {
  const messages = MESSAGES[localeOf(link)];
  return htmlResponse(
    <MessagePage lang={localeOf(link)} title={messages.badScoreTitle} body={messages.badScoreBody} branding={brandingOf(link)} />,
    400,
  );
}

function confirmPage(link: ClickLink, scores?: number[]) {
  const messages = MESSAGES[localeOf(link)];
  const single = scores?.length === 1;
  return htmlResponse(
    <MessagePage
      lang={localeOf(link)}
      title={single ? messages.confirmTitle : messages.burstTitle}
      body={single ? "" : messages.burstBody}
      branding={brandingOf(link)}
    >
      <ScoreButtons
        actionFor={(score) => scoreUrl(link.token, score)}
        scores={scores}
        label={single ? messages.confirmButton : undefined}
      />
    </MessagePage>,
  );
}
