import { PromoterInvite } from "@/components/promoters/promoter-invite";
import { MessagePage } from "@/components/survey-pages/message-page";
import { htmlResponse } from "@/lib/http/html-response";
import { MESSAGES } from "@/lib/i18n/messages";
import { promoterLinks } from "@/lib/promoters/promoter-links";
import { getSurveyLink, textsFor } from "@/lib/responses/survey-link";
import { withBrand } from "@/lib/surveys/default-texts";
import { brandingOf, localeOf, withSurveyLink } from "../pages";

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return withSurveyLink(request, token, async () => {
    const link = await getSurveyLink(token);
    const locale = localeOf(link);
    const isPromoter = link.response?.category === "promoter";
    const thankYou = withBrand(textsFor(link).thankYou, link.organization.name);
    return htmlResponse(
      <MessagePage lang={locale} title={thankYou} body="" branding={brandingOf(link)}>
        {isPromoter && <PromoterInvite links={promoterLinks(link)} locale={locale} leaveReview={MESSAGES[locale].leaveReview} />}
      </MessagePage>,
    );
  });
}
