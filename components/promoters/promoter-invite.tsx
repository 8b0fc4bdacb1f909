import { CATEGORY_COLORS } from "@/lib/responses/category-colors";
import type { Locale } from "@/lib/i18n/locales";
import { PROMOTER_MESSAGES } from "@/lib/promoters/promoter-links";

export type PromoterLinks = { reviewHref: string | null; referralHref: string | null };

/** The promoter's two invitations: a public review and a referral; both through the tracking redirect. */
export function PromoterInvite({ links, locale, leaveReview }: { links: PromoterLinks; locale: Locale; leaveReview: string }) {
  if (!links.reviewHref && !links.referralHref) return null;
  return (
    <p style={{ display: "flex", gap: 10, flexWrap: "wrap" }} data-testid="promoter-invite">
      {links.reviewHref && (
        <a className="button" href={links.reviewHref} rel="noopener noreferrer" style={{ background: CATEGORY_COLORS.promoter.background }}>
          {leaveReview}
        </a>
      )}
      {links.referralHref && (
        <a className="button" href={links.referralHref} style={{ background: "#1f4e79" }}>
          {PROMOTER_MESSAGES[locale].referFriend}
        </a>
      )}
    </p>
  );
}
