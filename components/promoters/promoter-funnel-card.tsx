import { getTranslations } from "next-intl/server";
import { getPromoterFunnel } from "@/lib/promoters/promoter-clicks";
import type { Member } from "@/lib/tenancy/tenant";
import { PromoterFunnelFigures } from "./promoter-funnel";

/**
 * The promoter funnel as a card for any signed-in page (the dashboard includes it with one line): a server
 * component that asks lib/ for the member's figures in the range.
 */
export async function PromoterFunnelCard({ member, range }: { member: Member; range: { from: Date; to: Date } }) {
  const [funnel, t] = await Promise.all([getPromoterFunnel(member, range), getTranslations("promoterFunnel")]);
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{t("title")}</h2>
      <PromoterFunnelFigures funnel={funnel} />
    </section>
  );
}
