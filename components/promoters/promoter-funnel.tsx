import type { PromoterFunnel } from "@/lib/promoters/promoter-clicks";

const share = (part: number, whole: number) => (whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`);

/** Promoters invited to review and refer, and how many clicked through (tracked redirects). */
export function PromoterFunnelFigures({ funnel }: { funnel: PromoterFunnel }) {
  return (
    <div className="funnel" data-testid="promoter-funnel">
      <div className="kpi">
        <div className="label">Promoters asked</div>
        <div className="value">{funnel.asked}</div>
        <div className="sub">shown a review or referral link</div>
      </div>
      <div className="kpi">
        <div className="label">Clicked review</div>
        <div className="value">{funnel.clickedReview}</div>
        <div className="sub">{share(funnel.clickedReview, funnel.asked)} of asked</div>
      </div>
      <div className="kpi">
        <div className="label">Clicked referral</div>
        <div className="value">{funnel.clickedReferral}</div>
        <div className="sub">{share(funnel.clickedReferral, funnel.asked)} of asked</div>
      </div>
    </div>
  );
}
