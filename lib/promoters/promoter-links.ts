import { env } from "../env";
import { CATALOG, type Messages } from "../i18n/catalog";
import { LOCALES, type Locale } from "../i18n/locales";

// The promoter page's invitations point at our tracking redirect (/r/<token>/review|referral), which counts the
// click and sends the customer on. Pure, so the survey pages stay synchronous and write nothing on a page view.

export type PromoterLinkSource = {
  token: string;
  survey: { reviewUrl: string | null; referralUrl: string | null };
  store: { reviewUrl?: string | null } | null;
};

/** The review page for this response: its store's, else the survey's; null when neither is set. */
export function reviewDestination(link: PromoterLinkSource): string | null {
  return link.store?.reviewUrl ?? link.survey.reviewUrl;
}

export function promoterLinks(link: PromoterLinkSource): { reviewHref: string | null; referralHref: string | null } {
  const base = `${env().APP_URL}/r/${link.token}`;
  return {
    reviewHref: reviewDestination(link) ? `${base}/review` : null,
    referralHref: link.survey.referralUrl ? `${base}/referral` : null,
  };
}

/** The link a promoter shares: the tenant's referral page with the promoter's code. */
export function referralShareUrl(referralUrl: string, code: string): string {
  const url = new URL(referralUrl);
  url.searchParams.set("ref", code);
  return url.toString();
}

export const PROMOTER_MESSAGES = Object.fromEntries(LOCALES.map((locale) => [locale, CATALOG[locale].promoter])) as Record<Locale, Messages["promoter"]>;
