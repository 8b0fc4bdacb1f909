import { useFormatter, useTranslations } from "next-intl";
import type { PromoterFunnel } from "@/lib/promoters/promoter-clicks";

const share = (part: number, whole: number) => (whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`);

/** Promoters invited to review and refer, and how many clicked through (tracked redirects). */
export function PromoterFunnelFigures({ funnel }: { funnel: PromoterFunnel }) {
  const t = useTranslations("promoterFunnel");
  const format = useFormatter();
  return (
    <div className="funnel" data-testid="promoter-funnel">
      <div className="kpi">
        <div className="label">{t("asked")}</div>
        <div className="value">{format.number(funnel.asked)}</div>
        <div className="sub">{t("askedSub")}</div>
      </div>
      <div className="kpi">
        <div className="label">{t("clickedReview")}</div>
        <div className="value">{format.number(funnel.clickedReview)}</div>
        <div className="sub">{t("ofAsked", { share: share(funnel.clickedReview, funnel.asked) })}</div>
      </div>
      <div className="kpi">
        <div className="label">{t("clickedReferral")}</div>
        <div className="value">{format.number(funnel.clickedReferral)}</div>
        <div className="sub">{t("ofAsked", { share: share(funnel.clickedReferral, funnel.asked) })}</div>
      </div>
    </div>
  );
}
