import { MessagePage } from "@/components/survey-pages/message-page";
import { isLocale } from "../i18n/locales";
import { MESSAGES } from "../i18n/messages";
import { htmlResponse } from "./html-response";

/**
 * Every "%" starts an escape and each segment's escapes decode as UTF-8, as decodeURIComponent demands. Next's
 * router decodes a dynamic segment (and a next.config header's path) with it and answers a bare 500 when it
 * throws, before any of our code runs: proxy.ts answers such paths instead.
 */
export function isWellEncoded(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** A survey link with a malformed escape: the same "this link is not valid" page as an unknown token. */
export function malformedSurveyLinkPage(request: Request): Response {
  const preferred = request.headers.get("accept-language")?.slice(0, 2).toLowerCase();
  const locale = isLocale(preferred) ? preferred : "en";
  const messages = MESSAGES[locale];
  return htmlResponse(<MessagePage lang={locale} title={messages.invalidLinkTitle} body={messages.invalidLinkBody} />, 404);
}
