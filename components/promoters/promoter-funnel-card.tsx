import { getTranslations } from "next-intl/server";
import { getPromoterFunnel, type FunnelView } from "@/lib/promoters/promoter-clicks";
import type { Member } from "@/lib/tenancy/tenant";
import { PromoterFunnelFigures } from "./promoter-funnel";

/**
 * The promoter funnel as a card for any signed-in page (the dashboard includes it with one line): a server
 * component that asks lib/ for the member's figures in the view (the dashboard's filters, or a range alone).
 */
export async function PromoterFunnelCard({ member, view }: { member: Member; view: FunnelView }) {
  const [funnel, t] = await Promise.all([getPromoterFunnel(member, view), getTranslations("promoterFunnel")]);
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{t("title")}</h2>
      <PromoterFunnelFigures funnel={funnel} />
    </section>
  );
}
