import { PROMOTER_CLICKS, trackPromoterClick, type PromoterClick } from "@/lib/promoters/promoter-clicks";
import { invalidLinkPage, withSurveyLink } from "../../../s/[token]/pages";

type Context = { params: Promise<{ token: string; kind: string }> };

/** The tracking redirect behind a promoter's review and referral buttons: count the click, send them on. */
export async function GET(request: Request, { params }: Context) {
  const { token, kind } = await params;
  if (!(PROMOTER_CLICKS as readonly string[]).includes(kind)) return invalidLinkPage(request);
  return withSurveyLink(request, token, async () => {
    const destination = await trackPromoterClick(token, kind as PromoterClick);
    return Response.redirect(new URL(destination, request.url), 303);
  });
}
