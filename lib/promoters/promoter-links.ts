import { env } from "../env";
import type { Locale } from "../i18n/locales";

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

export const PROMOTER_MESSAGES: Record<Locale, { referFriend: string; shareTitle: string; shareBody: string; shareByEmail: string; shareByWhatsApp: string; emailSubject: string }> = {
  en: { referFriend: "Refer a friend", shareTitle: "Share your personal link", shareBody: "Friends who use this link are welcomed with your code.", shareByEmail: "Share by email", shareByWhatsApp: "Share on WhatsApp", emailSubject: "You'll like this" },
  de: { referFriend: "Freunde werben", shareTitle: "Teilen Sie Ihren persönlichen Link", shareBody: "Freunde, die diesen Link nutzen, werden mit Ihrem Code begrüßt.", shareByEmail: "Per E-Mail teilen", shareByWhatsApp: "Auf WhatsApp teilen", emailSubject: "Das wird dir gefallen" },
  nl: { referFriend: "Vriend aanbevelen", shareTitle: "Deel uw persoonlijke link", shareBody: "Vrienden die deze link gebruiken, worden verwelkomd met uw code.", shareByEmail: "Delen per e-mail", shareByWhatsApp: "Delen via WhatsApp", emailSubject: "Dit vind je vast leuk" },
  pl: { referFriend: "Poleć znajomemu", shareTitle: "Udostępnij swój osobisty link", shareBody: "Znajomi, którzy skorzystają z tego linku, zostaną powitani Twoim kodem.", shareByEmail: "Udostępnij e-mailem", shareByWhatsApp: "Udostępnij na WhatsApp", emailSubject: "Spodoba Ci się" },
  fr: { referFriend: "Parrainer un ami", shareTitle: "Partagez votre lien personnel", shareBody: "Vos amis qui utilisent ce lien sont accueillis avec votre code.", shareByEmail: "Partager par e-mail", shareByWhatsApp: "Partager sur WhatsApp", emailSubject: "Ça va te plaire" },
};
