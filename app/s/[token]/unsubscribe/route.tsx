import { MessagePage } from "@/components/survey-pages/message-page";
import { htmlResponse } from "@/lib/http/html-response";
import { MESSAGES } from "@/lib/i18n/messages";
import { getSurveyLink, unsubscribeByToken } from "@/lib/responses/survey-link";
import { unsubscribeUrl } from "@/lib/sending/survey-links";
import { brandingOf, localeOf, withSurveyLink } from "../pages";
import { textColorOn } from "@/lib/surveys/brand-color";

type Context = { params: Promise<{ token: string }> };

// Opening the link only asks; the POST unsubscribes, so that mail scanners that open links cannot opt people out.
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return withSurveyLink(request, token, async () => {
    const link = await getSurveyLink(token);
    const messages = MESSAGES[localeOf(link)];
    return htmlResponse(
      <MessagePage lang={localeOf(link)} title={messages.unsubscribe} body="" branding={brandingOf(link)}>
        <form method="post" action={unsubscribeUrl(token)}>
          <button type="submit" style={{ background: link.organization.brandColor, color: textColorOn(link.organization.brandColor) }}>
            {messages.unsubscribe}
          </button>
        </form>
      </MessagePage>,
    );
  });
}

// RFC 8058: a mailbox provider's one-click POST comes from its own origin (Gmail's: https://mail.google.com), so
// this POST is taken whatever its Origin. Forging it gains nothing: whoever can post here holds the link already.
export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  const unsubscribe = async () => {
    const link = await unsubscribeByToken(token);
    const messages = MESSAGES[localeOf(link)];
    return htmlResponse(
      <MessagePage lang={localeOf(link)} title={messages.unsubscribe} body={messages.unsubscribed} branding={brandingOf(link)} />,
    );
  };
  return withSurveyLink(request, token, unsubscribe, { anyOrigin: true });
}
