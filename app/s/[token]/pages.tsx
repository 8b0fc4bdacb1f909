import { LandingPage } from "@/components/survey-pages/landing-page";
import { MessagePage } from "@/components/survey-pages/message-page";
import { env } from "@/lib/env";
import { htmlResponse } from "@/lib/http/html-response";
import { limitSurveyRequest } from "@/lib/http/rate-limit";
import { logger } from "@/lib/logging/logger";
import { isLocale, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { categoryOf } from "@/lib/responses/nps";
import { textsFor, type SurveyLink } from "@/lib/responses/survey-link";
import { landingUrl, scoreUrl } from "@/lib/sending/survey-links";
import { promoterLinks } from "@/lib/promoters/promoter-links";
import { withBrand } from "@/lib/surveys/default-texts";
import { NotFoundError } from "@/lib/tenancy/tenant";

// Rendering glue shared by the public survey routes under /s/[token].

/** What every survey page needs of its link to speak the customer's language in the tenant's colours. */
type PageLink = Pick<SurveyLink, "locale"> & { organization: Pick<SurveyLink["organization"], "name" | "brandColor"> };

export function localeOf(link: PageLink): Locale {
  return isLocale(link.locale) ? link.locale : "en";
}

export function brandingOf(link: PageLink) {
  return { brand: link.organization.name, brandColor: link.organization.brandColor };
}

function browserLocale(request: Request): Locale {
  return negotiateLocale(request.headers.get("accept-language")) ?? "en";
}

/** A survey form posted from another site (CSRF): browsers tell us through Origin and Sec-Fetch-Site. */
function isCrossSitePost(request: Request): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin) return true;
  return request.headers.get("sec-fetch-site") === "cross-site";
}

function tooManyRequestsPage(request: Request, retryAfterSeconds: number) {
  const messages = MESSAGES[browserLocale(request)];
  const response = htmlResponse(
    <MessagePage lang={browserLocale(request)} title={messages.tooManyTitle} body={messages.tooManyBody} />,
    429,
  );
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

export function invalidLinkPage(request: Request) {
  const messages = MESSAGES[browserLocale(request)];
  return htmlResponse(
    <MessagePage lang={browserLocale(request)} title={messages.invalidLinkTitle} body={messages.invalidLinkBody} />,
    404,
  );
}

/**
 * Runs a public survey route: rate-limited per client and per link (429 with Retry-After), and unknown, malformed
 * and foreign tokens all get the same friendly 404. `anyOrigin`: the route takes POSTs from other sites (RFC 8058's
 * one-click unsubscribe, which mailbox providers send from their own origin); the unguessable link is its authority.
 */
export async function withSurveyLink(
  request: Request,
  token: string,
  work: () => Promise<Response>,
  { anyOrigin = false }: { anyOrigin?: boolean } = {},
): Promise<Response> {
  if (!anyOrigin && isCrossSitePost(request)) {
    const messages = MESSAGES[browserLocale(request)];
    return htmlResponse(<MessagePage lang={browserLocale(request)} title={messages.forbiddenTitle} body={messages.forbiddenBody} />, 403);
  }
  const verdict = await limitSurveyRequest(request, token);
  if (!verdict.allowed) return tooManyRequestsPage(request, verdict.retryAfterSeconds);
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return invalidLinkPage(request);
    // A customer never sees a 500: whatever failed (the database restarting, say), nothing was half-saved, because
    // every write is one transaction, so clicking again is safe.
    logger().error({ err: error }, "survey page failed");
    return tryAgainPage(request);
  }
}

function tryAgainPage(request: Request) {
  const messages = MESSAGES[browserLocale(request)];
  const response = htmlResponse(
    <MessagePage lang={browserLocale(request)} title={messages.tryAgainTitle} body={messages.tryAgainBody} />,
    503,
  );
  response.headers.set("Retry-After", "5");
  return response;
}

export function landingPage(
  link: SurveyLink,
  form: { values?: { comment: string; callbackConsent: boolean; callbackPhone: string }; errors?: Record<string, string> } = {},
  status = 200,
) {
  const response = link.response!;
  const locale = localeOf(link);
  const texts = textsFor(link);
  const category = categoryOf(response.score);
  const prompt = { detractor: texts.detractorPrompt, passive: texts.passivePrompt, promoter: texts.promoterPrompt }[
    category
  ];
  return htmlResponse(
    <LandingPage
      lang={locale}
      branding={brandingOf(link)}
      messages={MESSAGES[locale]}
      score={response.score}
      category={category}
      prompt={withBrand(prompt, link.organization.name)}
      question={withBrand(texts.question, link.organization.name)}
      promoterLinks={promoterLinks(link)}
      commentAction={`${landingUrl(link.token)}/comment`}
      scoreHref={(score) => scoreUrl(link.token, score)}
      values={
        form.values ?? {
          comment: response.comment ?? "",
          callbackConsent: response.callbackConsent,
          callbackPhone: response.callbackPhone ?? link.contact.phone ?? "",
        }
      }
      errors={form.errors ?? {}}
    />,
    status,
  );
}
