import { MessagePage } from "@/components/survey-pages/message-page";
import { ScoreScale } from "@/components/survey-pages/score-scale";
import { htmlResponse } from "@/lib/http/html-response";
import { MESSAGES } from "@/lib/i18n/messages";
import { getSurveyLink, textsFor } from "@/lib/responses/survey-link";
import { scoreUrl } from "@/lib/sending/survey-links";
import { withBrand } from "@/lib/surveys/default-texts";
import { brandingOf, landingPage, localeOf, withSurveyLink } from "./pages";

type Context = { params: Promise<{ token: string }> };

/** The landing page of a survey email: the follow-up question for the chosen score, or the scale if none yet. */
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return withSurveyLink(request, token, async () => {
    const link = await getSurveyLink(token);
    if (link.response) return landingPage(link);
    const locale = localeOf(link);
    const question = withBrand(textsFor(link).question, link.organization.name);
    return htmlResponse(
      <MessagePage lang={locale} title={question} body={MESSAGES[locale].emailFooter} branding={brandingOf(link)}>
        <ScoreScale
          hrefFor={(score) => scoreUrl(token, score)}
          chosen={null}
          notLikely={MESSAGES[locale].notLikely}
          veryLikely={MESSAGES[locale].veryLikely}
        />
      </MessagePage>,
    );
  });
}
