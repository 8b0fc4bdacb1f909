import { MessagePage } from "@/components/survey/message-page";
import { htmlResponse } from "@/lib/http/html-response";
import { MESSAGES } from "@/lib/i18n/messages";
import { recordScore } from "@/lib/responses/record-score";
import { scoreParamSchema } from "@/lib/responses/schemas";
import { getSurveyLink } from "@/lib/responses/survey-link";
import { landingUrl } from "@/lib/survey-sends/links";
import { brandingOf, localeOf, withSurveyLink } from "../pages";

type Context = { params: Promise<{ token: string; score: string }> };

/** The one click from the email: records (or changes) the score, then shows the page that fits it. */
export async function GET(request: Request, { params }: Context) {
  const { token, score } = await params;
  return withSurveyLink(request, token, async () => {
    const parsed = scoreParamSchema.safeParse(score);
    if (!parsed.success) {
      const link = await getSurveyLink(token);
      const messages = MESSAGES[localeOf(link)];
      return htmlResponse(
        <MessagePage lang={localeOf(link)} title={messages.badScoreTitle} body={messages.badScoreBody} branding={brandingOf(link)} />,
        400,
      );
    }
    await recordScore(token, parsed.data);
    return Response.redirect(landingUrl(token), 303);
  });
}
