import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import { MessagePage } from "@/components/survey-pages/message-page";
import { htmlResponse } from "@/lib/http/html-response";
import { referralLinkFor } from "@/lib/promoters/promoter-clicks";
import { PROMOTER_MESSAGES } from "@/lib/promoters/promoter-links";
import { brandingOf, localeOf, withSurveyLink } from "../../../s/[token]/pages";

type Context = { params: Promise<{ token: string }> };

/** The promoter's personal referral link, to copy or share by email or WhatsApp; plain HTML, no script. */
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return withSurveyLink(request, token, async () => {
    const { shareUrl, link } = await referralLinkFor(token);
    const locale = localeOf(link);
    const messages = PROMOTER_MESSAGES[locale];
    const mailto = `mailto:?subject=${encodeURIComponent(messages.emailSubject)}&body=${encodeURIComponent(shareUrl)}`;
    const whatsapp = `https://wa.me/?text=${encodeURIComponent(shareUrl)}`;
    return htmlResponse(
      <MessagePage lang={locale} title={messages.shareTitle} body={messages.shareBody} branding={brandingOf(link)}>
        <p>
          <input readOnly value={shareUrl} aria-label={messages.shareTitle} style={{ width: "100%", font: "inherit", padding: 8 }} data-testid="referral-link" />
        </p>
        <p style={{ display: "flex", gap: 10, flexWrap: "wrap" }}>
          <a className="button" href={mailto} style={{ background: link.organization.brandColor }}>
            {messages.shareByEmail}
          </a>
          <a className="button" href={whatsapp} rel="noopener noreferrer" style={{ background: CATEGORY_COLORS.promoter.background }}>
            {messages.shareByWhatsApp}
          </a>
        </p>
      </MessagePage>,
    );
  });
}
